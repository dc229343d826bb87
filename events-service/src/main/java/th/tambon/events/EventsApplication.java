package th.tambon.events;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import th.tambon.audit.AuditController;
import th.tambon.replica.schools.ReplicaController;

/** events-service: activities and their outcomes; keeps a replica of ESAs and schools from schools.v1. */
@OpenAPIDefinition(info = @Info(title = "Tambon events-service", version = "v1", description = """
        Activities and their outcomes (workshops, symposiums, PLCs, supervision visits, ITA): participation, certificates, presented and selected works. Keeps a replica of ESAs and schools from schools.v1 to check what activities name; announces every change on events.v1. Errors are RFC 9457 problems (application/problem+json) naming each field at fault."""),
        servers = @Server(url = "/", description = "this service (the gateway answers the replica under /api/v1/events/replicas)"))
@OpenAPIInclude(classes = {ReplicaController.class, AuditController.class})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT with sub, exp, roles (OBEC_ADMIN, ESA_OFFICER, SCHOOL_DIRECTOR, VIEWER) and esa or school "
                + "for scoped roles; locally: bin/dev token --role OBEC_ADMIN (docs/security.md)")
public final class EventsApplication {
    private EventsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(EventsApplication.class, args);
    }
}
