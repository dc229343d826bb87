package th.tambon.events;

import th.tambon.replica.schools.SchoolsReplicaWiringContract;

/** events-service runs the schools replica: schools.v1 reaches its API, and what it cannot read, its own DLQ. */
class SchoolsReplicaWiringTest extends SchoolsReplicaWiringContract {
    SchoolsReplicaWiringTest() {
        super("events-service");
    }
}
