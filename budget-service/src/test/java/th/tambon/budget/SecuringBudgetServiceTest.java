package th.tambon.budget;

import th.tambon.replica.schools.ReplicaServiceSecurityContract;

/** budget-service on its own port: its routes and who may call them (docs/security.md), tokens checked, fuzzed. */
class SecuringBudgetServiceTest extends ReplicaServiceSecurityContract {
    SecuringBudgetServiceTest() {
        super("budget-service");
    }
}
