package th.tambon.budget;

import io.micronaut.openapi.annotation.OpenAPIInclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import th.tambon.audit.AuditController;
import th.tambon.replica.schools.ReplicaController;

/** budget-service: fiscal years, allocations, commitments and spending; keeps a replica of ESAs and schools. */
@OpenAPIDefinition(info = @Info(title = "Tambon budget-service", version = "v1", description = """
        Fiscal years (BE), OBEC's allocation rounds to each ESA and their lines, an append-only ledger of every movement of money (allocated, revised, transferred, committed, released, spent, carried over) with each line's balance, and the funding saga's budget side: activities' requests committed or refused once, their costs spent, their cancellations released (docs/decisions/0019). Baht are exact decimals with two places; no balance is ever negative. It also holds its replica of ESAs and schools from schools.v1. Errors are RFC 9457 problems (application/problem+json) naming each field at fault."""),
        servers = @Server(url = "/", description = "this service (the gateway answers the replica under /api/v1/budget/replicas)"))
@OpenAPIInclude(classes = {ReplicaController.class, AuditController.class})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT with sub, exp, roles (OBEC_ADMIN, ESA_OFFICER, SCHOOL_DIRECTOR, VIEWER) and esa or school "
                + "for scoped roles; locally: bin/dev token --role OBEC_ADMIN (docs/security.md)")
public final class BudgetApplication {
    private BudgetApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(BudgetApplication.class, args);
    }
}
