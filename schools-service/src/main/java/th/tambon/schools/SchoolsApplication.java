package th.tambon.schools;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import th.tambon.audit.AuditController;

/** schools-service: ESAs, schools, quality-school designations, networks and development plans. */
@OpenAPIDefinition(info = @Info(title = "Tambon schools-service", version = "v1",
        description = """
                The registry of the One Tambon, One Quality School programme (1 ตำบล 1 โรงเรียนคุณภาพ): ESAs and \
                schools, later quality-school designations, networks and development plans. Every change is announced \
                on the Kafka topic schools.v1 (docs/topics.md). Errors are RFC 9457 problems \
                (application/problem+json) naming each field at fault. Also reachable through the gateway at the same \
                paths."""),
        servers = @Server(url = "/", description = "this service, or the gateway: both answer these paths"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT with sub, exp, roles (OBEC_ADMIN, ESA_OFFICER, SCHOOL_DIRECTOR, VIEWER) and esa or school "
                + "for scoped roles; locally: bin/dev token --role OBEC_ADMIN (docs/security.md)")
@OpenAPIInclude(classes = AuditController.class)
public final class SchoolsApplication {
    private SchoolsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SchoolsApplication.class, args);
    }
}
