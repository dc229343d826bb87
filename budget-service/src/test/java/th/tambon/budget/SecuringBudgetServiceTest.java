package th.tambon.budget;

import org.junit.jupiter.api.BeforeAll;
import th.tambon.replica.schools.ReplicaServiceSecurityContract;
import th.tambon.replica.schools.SchoolsFeed;

import java.util.HashMap;
import java.util.Map;

/**
 * budget-service on its own port: its routes and who may call them (docs/security.md), tokens checked, fuzzed: the
 * replica's routes and its own, and no fuzzed request that is refused stores or publishes anything.
 */
class SecuringBudgetServiceTest extends ReplicaServiceSecurityContract {
    private static final String READERS = "ESA_OFFICER,OBEC_ADMIN,VIEWER";

    SecuringBudgetServiceTest() {
        super("budget-service");
    }

    /** The replica knows the two ESAs, so fuzzed writes get past "unknown ESA". */
    @BeforeAll
    void seedTheReplica() {
        new SchoolsFeed(infra.kafkaBootstrapServers(), server()).seedBuriramAndLamphun();
    }

    @Override
    protected Map<String, String> authorizationMatrix() {
        Map<String, String> matrix = new HashMap<>(super.authorizationMatrix());
        matrix.putAll(Map.of(
                "PUT /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}", "OBEC_ADMIN",
                "GET /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}", READERS,
                "POST /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}/revisions", "OBEC_ADMIN"));
        // fiscal years: an ESA's, its ledger, every ESA's
        matrix.putAll(Map.of(
                "GET /api/v1/fiscal-years/{year}", READERS,
                "GET /api/v1/fiscal-years/{year}/esas/{esa}", READERS,
                "GET /api/v1/fiscal-years/{year}/esas/{esa}/movements", READERS));
        // transfers between lines and direct expenditures
        matrix.putAll(Map.of(
                "POST /api/v1/fiscal-years/{year}/esas/{esa}/transfers", "ESA_OFFICER,OBEC_ADMIN",
                "GET /api/v1/fiscal-years/{year}/esas/{esa}/transfers", READERS,
                "POST /api/v1/fiscal-years/{year}/esas/{esa}/expenditures", "ESA_OFFICER,OBEC_ADMIN",
                "GET /api/v1/fiscal-years/{year}/esas/{esa}/expenditures", READERS));
        // the funding saga
        matrix.putAll(Map.of(
                "GET /api/v1/funding-sagas/{activity}", READERS,
                "GET /api/v1/funding-sagas/pending", READERS));
        // the year end
        matrix.putAll(Map.of(
                "GET /api/v1/fiscal-years/{year}/esas/{esa}/commitments", READERS,
                "POST /api/v1/fiscal-years/{year}/esas/{esa}/commitments/{commitment}/carry-over", "ESA_OFFICER,OBEC_ADMIN",
                "POST /api/v1/fiscal-years/{year}/esas/{esa}/closing", "ESA_OFFICER,OBEC_ADMIN"));
        return matrix;
    }

    @Override
    protected long writableRows() {
        return super.writableRows() + infra.database().queryLong("SELECT (SELECT coalesce(sum(version), 0) FROM fiscal_year)"
                + " + (SELECT count(*) FROM fiscal_year) + (SELECT count(*) FROM allocation_round)"
                + " + (SELECT coalesce(sum(amount * 100), 0) FROM allocation_round) + (SELECT count(*) FROM allocation_line)"
                + " + (SELECT count(*) FROM ledger_entry) + (SELECT count(*) FROM commitment)"
                + " + (SELECT count(*) FROM expenditure) + (SELECT count(*) FROM transfer)"
                + " + (SELECT coalesce(sum(version), 0) FROM funding_saga) + (SELECT count(*) FROM saga_step)");
    }
}
