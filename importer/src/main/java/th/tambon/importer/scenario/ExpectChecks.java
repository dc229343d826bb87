package th.tambon.importer.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for {@code expect[]}, the figures {@code import --check} compares with the gateway's report of an ESA's
 * fiscal year: the key ({@code esa}, {@code fiscalYear}) listed once, the ESA among the file's (as every other section's
 * ESA), each count a whole number, 0 or more, and each sum of money baht as the budget's amounts are (a decimal string,
 * never negative, at most two decimals), with {@code remaining} = {@code allocated} − {@code committed} −
 * {@code spent}: a file that contradicts itself would fail every check.
 */
final class ExpectChecks {
    /** The counts of an expected figure set, as the report names them. */
    static final List<String> COUNTS = List.of("qualitySchools", "activitiesHeld", "participantsTotal",
            "certificatesAwarded");
    /** Its sums of money in baht, as the report names them. */
    static final List<String> MONEY = List.of("allocated", "committed", "spent", "remaining");

    private final ScenarioValidator file;
    private final BudgetChecks budget;

    ExpectChecks(ScenarioValidator file, BudgetChecks budget) {
        this.file = file;
        this.budget = budget;
    }

    void check(JsonNode root) {
        JsonNode list = root.get("expect");
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            file.problem("$.expect", "must be an array");
            return;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "$.expect[" + i + "]";
            if (!list.get(i).isObject()) {
                file.problem(path, "must be an object");
            } else {
                expect(list.get(i), path, firstAt);
            }
        }
    }

    private void expect(JsonNode expect, String path, Map<String, String> firstAt) {
        String esa = file.code(expect, path, "esa", ScenarioValidator.ESA, "an ESA code such as P51-1");
        if (esa != null && file.provinceOf(esa) == null) {
            file.problem(path + ".esa", "ESA " + esa + " is not among the file's esas");
        }
        boolean year = BudgetChecks.whole(expect.get("fiscalYear"), BudgetChecks.FIRST_YEAR_BE,
                BudgetChecks.LAST_YEAR_BE);
        if (!year) {
            file.problem(path + ".fiscalYear", "must be a fiscal year (BE) from " + BudgetChecks.FIRST_YEAR_BE + " to "
                    + BudgetChecks.LAST_YEAR_BE);
        }
        for (String count : COUNTS) {
            if (!BudgetChecks.whole(expect.get(count), 0, Integer.MAX_VALUE)) {
                file.problem(path + "." + count, "must be a whole number, 0 or more");
            }
        }
        Map<String, BigDecimal> money = new HashMap<>();
        for (String sum : MONEY) {
            BigDecimal amount = budget.baht(expect.get(sum), path + "." + sum);
            if (amount != null) {
                money.put(sum, amount);
            }
        }
        if (money.size() == MONEY.size()) {
            BigDecimal left = money.get("allocated").subtract(money.get("committed")).subtract(money.get("spent"));
            if (left.compareTo(money.get("remaining")) != 0) {
                file.problem(path + ".remaining", "is " + expect.get("remaining").asText()
                        + ", but allocated - committed - spent is " + left.setScale(2).toPlainString());
            }
        }
        if (esa != null && year) {
            String key = esa + " in fiscal year " + expect.get("fiscalYear").asInt();
            String first = firstAt.putIfAbsent(key, path);
            if (first != null) {
                file.problem(path + ".fiscalYear", key + " is listed twice (first at " + first + ")");
            }
        }
    }
}
