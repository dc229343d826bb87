package th.tambon.budget.ledger;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.budget.LedgerFixture;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.tambon.budget.Rounds.lamphunRound1;
import static th.tambon.budget.Rounds.lamphunRound2;
import static th.tambon.budget.Rounds.line;
import static th.tambon.budget.Rounds.path;
import static th.tambon.budget.Rounds.round;

/**
 * The ledger is the truth: every line's amount, transferred, committed and spent are the sums of its entries by kind,
 * whatever mix of rounds, revisions, commitments, releases, spending and transfers made them; the entries are never
 * changed or deleted, and no balance is ever negative, whatever a statement tries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerTest {
    /** Lines whose stored balance is not the sums of their ledger entries by kind (none, when all is well). */
    private static final String LINES_OFF_THE_LEDGER = """
            SELECT count(*) FROM allocation_line l LEFT JOIN (
                SELECT line_id,
                       sum(amount) FILTER (WHERE kind IN ('ALLOCATED', 'REVISED')) AS amount,
                       sum(amount) FILTER (WHERE kind IN ('TRANSFERRED_IN', 'TRANSFERRED_OUT')) AS transferred,
                       sum(amount) FILTER (WHERE kind IN ('COMMITTED', 'RELEASED')) AS committed,
                       sum(amount) FILTER (WHERE kind = 'SPENT') AS spent,
                       sum(amount) FILTER (WHERE kind = 'ALLOCATED') AS allocated
                FROM ledger_entry GROUP BY line_id) e ON e.line_id = l.id
            WHERE (l.amount, l.transferred, l.committed, l.spent, l.original_amount)
                  IS DISTINCT FROM (coalesce(e.amount, 0), coalesce(e.transferred, 0), coalesce(e.committed, 0),
                                    coalesce(e.spent, 0), coalesce(e.allocated, 0))""";

    /** Rounds whose amount is not the sum of their lines' amounts, or whose original amount not their lines'. */
    private static final String ROUNDS_OFF_THEIR_LINES = """
            SELECT count(*) FROM allocation_round r JOIN (
                SELECT round_id, sum(amount) AS amount, sum(original_amount) AS original_amount
                FROM allocation_line GROUP BY round_id) l ON l.round_id = r.id
            WHERE (r.amount, r.original_amount) IS DISTINCT FROM (l.amount, l.original_amount)""";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp obec;

    @BeforeAll
    void start() {
        server = infra.startService();
        new SchoolsFeed(infra.kafkaBootstrapServers(), server).seedBuriramAndLamphun();
        obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        LedgerFixture ledger = new LedgerFixture(server);

        record("P51-1", 2563, 1, lamphunRound1());
        record("P51-1", 2563, 2, lamphunRound2());
        ledger.commit("P51-1", 2563, 2, 1, "21700.00");
        ledger.release("P51-1", 2563, 2, 1, "21700.00");
        ledger.spend("P51-1", 2563, 2, 1, "21700.00");
        revise("P51-1", 2563, 1, "\"2\"", "[{\"line\": 1, \"amount\": \"190000.00\"}]");
        ledger.commit("P51-1", 2563, 1, 1, "40000.00");
        ledger.release("P51-1", 2563, 1, 1, "1234.56");
        ledger.spend("P51-1", 2563, 1, 1, "38765.44");

        record("P31-4", 2563, 1, round("60000.00", line(1, "OPERATING", "ค่าใช้จ่ายในการดำเนินงาน", "30000.00"),
                line(2, "INVESTMENT", "ค่าครุภัณฑ์", "20000.00"), line(3, "SUBSIDY", "เงินอุดหนุน", "10000.00")));
        ledger.transfer("P31-4", 2563, 1, 2, 1, "7500.25");
        ledger.commit("P31-4", 2563, 1, 1, "37500.25");
        revise("P31-4", 2563, 1, "\"1\"", "[{\"line\": 2, \"amount\": \"12499.75\"}, "
                + "{\"line\": 3, \"amount\": \"15000.00\"}]");
        ledger.spend("P31-4", 2563, 1, 3, "0.01");
        record("P31-4", 2564, 1, round("0.00", line(1, "OTHER", "ยังไม่จัดสรร", "0.00")));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_lines_balance_is_the_sums_of_its_ledger_entries_by_kind_after_rounds_revisions_and_movements() {
        assertThat(count("SELECT count(DISTINCT kind) FROM ledger_entry")).as("the mix covers every kind that moves "
                + "money").isEqualTo(7);
        assertThat(count("SELECT count(*) FROM allocation_line")).isEqualTo(6);

        assertThat(count(LINES_OFF_THE_LEDGER)).isZero();
        assertThat(count(ROUNDS_OFF_THEIR_LINES)).isZero();
        assertThat(count("SELECT count(*) FROM allocation_line WHERE committed + spent > amount + transferred "
                + "OR amount < 0 OR committed < 0 OR spent < 0")).isZero();
    }

    @Test
    void the_check_finds_a_line_whose_balance_strays_from_its_ledger() throws SQLException {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("UPDATE allocation_line SET committed = committed + 0.01 "
                    + "WHERE esa = 'P31-4' AND fiscal_year = 2563 AND line = 3");
            try (ResultSet strays = statement.executeQuery(LINES_OFF_THE_LEDGER)) {
                strays.next();
                assertThat(strays.getLong(1)).isEqualTo(1);
            }
            connection.rollback();
        }
        assertThat(count(LINES_OFF_THE_LEDGER)).isZero();
    }

    @Test
    void the_database_refuses_to_update_or_delete_a_ledger_entry() {
        long entries = count("SELECT count(*) FROM ledger_entry");
        long sum = count("SELECT sum(amount * 100) FROM ledger_entry");

        for (String sql : List.of("UPDATE ledger_entry SET amount = amount + 1 WHERE kind = 'SPENT'",
                "UPDATE ledger_entry SET reason = 'corrected' WHERE id = (SELECT min(id) FROM ledger_entry)",
                "DELETE FROM ledger_entry WHERE kind = 'RELEASED'",
                "DELETE FROM ledger_entry")) {
            assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(count("SELECT count(*) FROM ledger_entry")).isEqualTo(entries);
        assertThat(count("SELECT sum(amount * 100) FROM ledger_entry")).isEqualTo(sum);
    }

    @Test
    void the_database_refuses_a_balance_below_zero_whatever_the_statement() {
        for (String sql : List.of(
                "UPDATE allocation_line SET committed = amount + transferred - spent + 0.01 "
                        + "WHERE esa = 'P51-1' AND fiscal_year = 2563 AND round = 1",
                "UPDATE allocation_line SET spent = -1 WHERE esa = 'P31-4' AND fiscal_year = 2564",
                "UPDATE allocation_line SET transferred = -1 WHERE esa = 'P31-4' AND fiscal_year = 2564",
                "INSERT INTO ledger_entry (line_id, esa, fiscal_year, kind, amount, recorded_at, recorded_by) "
                        + "SELECT id, esa, fiscal_year, 'COMMITTED', -5, now(), 'test' FROM allocation_line LIMIT 1")) {
            assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("check constraint");
        }
        assertThat(count(LINES_OFF_THE_LEDGER)).isZero();
    }

    private void record(String esa, int year, int round, Map<String, Object> body) {
        TestHttp.Response recorded = obec.put(path(esa, year, round), TestHttp.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private void revise(String esa, int year, int round, String ifMatch, String lines) {
        TestHttp.Response revised = obec.withHeader("If-Match", ifMatch).post(path(esa, year, round) + "/revisions",
                "{\"lines\": " + lines + ", \"reason\": \"ปรับปรุงการจัดสรร\", \"documentRef\": \"ศธ 04002/ว1\"}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
