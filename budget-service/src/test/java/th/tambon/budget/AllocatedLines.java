package th.tambon.budget;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lines to move and spend money on in budget-service's tests: OBEC records a round of an ESA's fiscal year through the
 * API; its lines' balances and the fiscal year's ETag are read back through it, and what the database holds beside.
 */
public final class AllocatedLines {
    private final TestHttp obec;
    private final TestDatabase database;

    public AllocatedLines(TestHttp obec, TestDatabase database) {
        this.obec = obec;
        this.database = database;
    }

    /** Records round {@code round} of the ESA's fiscal year with one OPERATING line per amount, numbered from 1. */
    public void round(String esa, int year, int round, String... amounts) {
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            lines.add(Map.of("line", i + 1, "category", "OPERATING", "purposeTh", "ค่าใช้จ่ายในการดำเนินงาน รายการที่ "
                    + (i + 1), "amount", new BigDecimal(amounts[i])));
            sum = sum.add(new BigDecimal(amounts[i]));
        }
        TestHttp.Response recorded = obec.put(roundPath(esa, year, round), TestHttp.json(Map.of(
                "receivedOn", (year - 544) + "-11-15", "documentRef", "ศธ 04002/ว" + round, "amount", sum,
                "lines", lines)));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    /** The line as its round shows it: amount, transferred, allocated, committed, spent, remaining… */
    public JsonNode line(String esa, int year, int round, int line) {
        TestHttp.Response found = obec.get(roundPath(esa, year, round));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        for (JsonNode l : found.json().get("lines")) {
            if (l.get("line").asInt() == line) {
                return l;
            }
        }
        throw new AssertionError("No line " + line + " in " + found.body());
    }

    public BigDecimal remaining(String esa, int year, int round, int line) {
        return line(esa, year, round, line).get("remaining").decimalValue();
    }

    /** The ETag of the ESA's fiscal year, as a round of it gives it. */
    public String etag(String esa, int year, int round) {
        return obec.get(roundPath(esa, year, round)).header("ETag");
    }

    /** The ledger's sum of one kind of entry on a line. */
    public BigDecimal ledgerSum(String esa, int year, int round, int line, String kind) {
        return decimal("SELECT coalesce(sum(e.amount), 0) FROM ledger_entry e JOIN allocation_line l ON l.id = e.line_id"
                + " WHERE l.esa = '" + esa + "' AND l.fiscal_year = " + year + " AND l.round = " + round
                + " AND l.line = " + line + " AND e.kind = '" + kind + "'");
    }

    /** How many rows each table a budget write touches holds, and the versions of the fiscal years: equal, nothing changed. */
    public String footprint() {
        StringJoiner counts = new StringJoiner(", ");
        for (String query : List.of("SELECT count(*) FROM ledger_entry", "SELECT count(*) FROM transfer",
                "SELECT count(*) FROM expenditure", "SELECT count(*) FROM messaging.outbox_message",
                "SELECT count(*) FROM audit.audit_entry", "SELECT coalesce(sum(version), 0) FROM fiscal_year",
                "SELECT coalesce(sum(abs(transferred)), 0) * 100 FROM allocation_line",
                "SELECT coalesce(sum(spent), 0) * 100 FROM allocation_line")) {
            counts.add(query + " = " + database.queryLong(query));
        }
        return counts.toString();
    }

    private BigDecimal decimal(String sql) {
        try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static String roundPath(String esa, int year, int round) {
        return "/api/v1/fiscal-years/" + year + "/esas/" + esa + "/rounds/" + round;
    }
}
