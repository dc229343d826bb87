package th.tambon.events;

import th.tambon.replica.schools.ReplicaServiceSecurityContract;

/** events-service on its own port: its routes and who may call them (docs/security.md), tokens checked, fuzzed. */
class SecuringEventsServiceTest extends ReplicaServiceSecurityContract {
    SecuringEventsServiceTest() {
        super("events-service");
    }
}
