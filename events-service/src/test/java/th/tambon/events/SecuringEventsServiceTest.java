package th.tambon.events;

import th.tambon.replica.schools.SchoolsFeed;
import io.micronaut.security.rules.SecurityRule;
import org.junit.jupiter.api.BeforeAll;
import th.tambon.replica.schools.ReplicaServiceSecurityContract;

import java.util.HashMap;
import java.util.Map;

/**
 * events-service on its own port: its routes and who may call them (docs/security.md), tokens checked, fuzzed: the
 * replica's routes and its own, and no fuzzed request stores or publishes anything.
 */
class SecuringEventsServiceTest extends ReplicaServiceSecurityContract {
    private static final String ANY_ROLE = "ESA_OFFICER,OBEC_ADMIN,SCHOOL_DIRECTOR,VIEWER";
    private static final String ESA_WRITERS = "ESA_OFFICER,OBEC_ADMIN";

    SecuringEventsServiceTest() {
        super("events-service");
    }

    /** The replica knows the calendar, the two ESAs and a school of each, so fuzzed writes get past "unknown ESA". */
    @BeforeAll
    void seedTheReplica() {
        new SchoolsFeed(infra.kafkaBootstrapServers(), server()).seedBuriramAndLamphun();
    }

    @Override
    protected Map<String, String> authorizationMatrix() {
        Map<String, String> matrix = new HashMap<>(super.authorizationMatrix());
        matrix.putAll(Map.of(
                "POST /api/v1/activities", ESA_WRITERS,
                "GET /api/v1/activities", ANY_ROLE,
                "GET /api/v1/activities/{id}", ANY_ROLE,
                "PUT /api/v1/activities/{id}", ESA_WRITERS,
                "POST /api/v1/activities/{id}/transitions", ESA_WRITERS));
        // outstanding works and ITA results
        matrix.putAll(Map.of(
                "POST /api/v1/activities/{id}/works", ESA_WRITERS,
                "POST /api/v1/works/{id}/selection", ESA_WRITERS,
                "POST /api/v1/works/forwardings", ESA_WRITERS,
                "GET /api/v1/works", ANY_ROLE,
                "GET /api/v1/works/{id}", ANY_ROLE,
                "GET /api/v1/works/forwardings/{id}", ANY_ROLE,
                "PUT /api/v1/ita-results/{subjectType}/{code}/{fiscalYear}", ESA_WRITERS,
                "GET /api/v1/ita-results/{subjectType}/{code}/{fiscalYear}", ANY_ROLE,
                "GET /api/v1/ita-results", ANY_ROLE));
        // the funding saga
        matrix.putAll(Map.of(
                "GET /api/v1/activities/funding/overdue", ESA_WRITERS,
                "POST /api/v1/activities/{id}/funding/retry", ESA_WRITERS,
                "POST /api/v1/activities/{id}/funding/cost/retry", ESA_WRITERS));
        matrix.put("GET /api/v1/activities/summary", ANY_ROLE);
        matrix.put("GET /api/v1/school-records/{code}", ANY_ROLE);
        matrix.putAll(Map.of(
                "PUT /api/v1/activities/{id}/participation", ESA_WRITERS,
                "POST /api/v1/activities/{id}/certificates", ESA_WRITERS,
                "GET /api/v1/activities/{id}/certificates", ANY_ROLE,
                "GET /api/v1/activities/{id}/certificates/pdf", ANY_ROLE,
                "GET /api/v1/certificates/{id}", ANY_ROLE,
                "GET /api/v1/certificates/{id}/pdf", ANY_ROLE,
                "POST /api/v1/certificates/{id}/revocation", ESA_WRITERS,
                // the public lookup of a certificate by the code printed on it (docs/decisions/0017)
                "GET /api/v1/certificates/verify/{code}", SecurityRule.IS_ANONYMOUS,
                "GET /verify/{code}", SecurityRule.IS_ANONYMOUS));
        return matrix;
    }

    @Override
    protected long writableRows() {
        return super.writableRows() + infra.database().queryLong("SELECT (SELECT coalesce(sum(version), 0) FROM activity)"
                + " + (SELECT count(*) FROM activity_step)"
                + " + (SELECT coalesce(sum(version), 0) FROM work) + (SELECT count(*) FROM work_step)"
                + " + (SELECT count(*) FROM work_forwarding) + (SELECT coalesce(sum(version), 0) FROM ita_result)"
                + " + (SELECT count(*) FROM activity_participation)"
                + " + (SELECT coalesce(sum(version), 0) FROM certificate)"
                + " + (SELECT coalesce(sum(last_number), 0) FROM certificate_counter)")
                + infra.database().queryLong("SELECT coalesce(sum(version), 0) FROM activity_funding");
    }
}
