package th.tambon.importer.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for {@code budget[]}, OBEC's allocation rounds, as budget-service applies them to
 * {@code PUT /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}}: the natural key ({@code esa}, {@code fiscalYear},
 * {@code round}) listed once, the ESA among the file's, amounts as decimal strings of baht (never negative, at most two
 * decimals), at least one line, each line's number listed once in its round, its category from the list and its Thai
 * purpose, and the lines summing to the round's amount exactly; the optional {@code receivedOn} (the letter's date)
 * and {@code documentRef} (its number). It remembers each round's lines, so an activity's funding naming a round of
 * the file can be checked against them ({@link #lineOf}).
 */
final class BudgetChecks {
    static final List<String> CATEGORIES = List.of("PERSONNEL", "OPERATING", "INVESTMENT", "SUBSIDY", "OTHER");
    static final int FIRST_YEAR_BE = 2543;
    static final int LAST_YEAR_BE = 2643;
    /** Baht as budget-service keeps it (NUMERIC(14,2)): at most 12 digits before the point. */
    private static final Pattern BAHT = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");
    private static final int MOST_LINES = 200;

    private final ScenarioValidator file;
    /** The line numbers of each round of the file, by {@code esa/fiscalYear/round}. */
    private final Map<String, Set<Integer>> lines = new HashMap<>();

    BudgetChecks(ScenarioValidator file) {
        this.file = file;
    }

    /** A round's natural key as the importer names it: {@code P51-1/2563/2}. */
    static String key(String esa, int fiscalYear, int round) {
        return esa + "/" + fiscalYear + "/" + round;
    }

    void check(JsonNode root) {
        lines.clear();
        JsonNode rounds = root.get("budget");
        if (rounds == null || rounds.isNull()) {
            return;
        }
        if (!rounds.isArray()) {
            file.problem("$.budget", "must be an array");
            return;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            String path = "$.budget[" + i + "]";
            if (!rounds.get(i).isObject()) {
                file.problem(path, "must be an object");
            } else {
                round(rounds.get(i), path, firstAt);
            }
        }
    }

    /**
     * Whether the file's round {@code esa/fiscalYear/round} has line {@code line}: null when the file does not list
     * that round (budget-service may hold it already), else true or false.
     */
    Boolean lineOf(String esa, int fiscalYear, int round, int line) {
        Set<Integer> numbers = lines.get(key(esa, fiscalYear, round));
        return numbers == null ? null : numbers.contains(line);
    }

    private void round(JsonNode round, String path, Map<String, String> firstAt) {
        String esa = file.code(round, path, "esa", ScenarioValidator.ESA, "an ESA code such as P51-1");
        if (esa != null && file.provinceOf(esa) == null) {
            file.problem(path + ".esa", "ESA " + esa + " is not among the file's esas");
        }
        boolean year = whole(round.get("fiscalYear"), FIRST_YEAR_BE, LAST_YEAR_BE);
        if (!year) {
            file.problem(path + ".fiscalYear", "must be a fiscal year (BE) from " + FIRST_YEAR_BE + " to "
                    + LAST_YEAR_BE);
        }
        boolean number = whole(round.get("round"), 1, 99);
        if (!number) {
            file.problem(path + ".round", "must be a whole number from 1 to 99");
        }
        String key = null;
        if (esa != null && year && number) {
            key = key(esa, round.get("fiscalYear").asInt(), round.get("round").asInt());
            String first = firstAt.putIfAbsent(key, path);
            if (first != null) {
                file.problem(path + ".round", "round " + round.get("round").asInt() + " of " + esa + " in fiscal year "
                        + round.get("fiscalYear").asInt() + " is listed twice (first at " + first + ")");
                key = null;
            }
        }
        receivedOn(round.get("receivedOn"), path + ".receivedOn");
        file.optionalText(round, path, "documentRef", 100);
        BigDecimal amount = baht(round.get("amount"), path + ".amount");
        BigDecimal sum = lines(round.get("lines"), path + ".lines", key);
        if (amount != null && sum != null && sum.compareTo(amount) != 0) {
            file.problem(path + ".lines", "the lines sum to " + sum.toPlainString() + ", not the round's amount "
                    + amount.toPlainString() + ": they must sum to it exactly");
        }
    }

    /** The sum of the lines' amounts, or null when one of them is not baht (its problem listed). */
    private BigDecimal lines(JsonNode list, String path, String key) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            file.problem(path, "must be a non-empty array of lines: line, category, purposeTh, amount");
            return null;
        }
        if (list.size() > MOST_LINES) {
            file.problem(path, "must have at most " + MOST_LINES + " lines, not " + list.size());
        }
        Map<Integer, String> firstAt = new HashMap<>();
        Set<Integer> numbers = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < list.size(); i++) {
            String linePath = path + "[" + i + "]";
            JsonNode line = list.get(i);
            if (!line.isObject()) {
                file.problem(linePath, "must be an object: line, category, purposeTh, amount");
                sum = null;
                continue;
            }
            if (!whole(line.get("line"), 1, 999)) {
                file.problem(linePath + ".line", "must be a whole number from 1 to 999");
            } else {
                String first = firstAt.putIfAbsent(line.get("line").asInt(), linePath);
                if (first != null) {
                    file.problem(linePath + ".line", "line " + line.get("line").asInt() + " is listed twice in this "
                            + "round (first at " + first + ")");
                }
                numbers.add(line.get("line").asInt());
            }
            JsonNode category = line.get("category");
            if (category == null || !category.isTextual() || !CATEGORIES.contains(category.asText())) {
                file.problem(linePath + ".category", "must be " + String.join(", ",
                        CATEGORIES.subList(0, CATEGORIES.size() - 1)) + " or " + CATEGORIES.get(CATEGORIES.size() - 1));
            }
            file.text(line, linePath, "purposeTh", 500);
            BigDecimal amount = baht(line.get("amount"), linePath + ".amount");
            sum = amount == null || sum == null ? null : sum.add(amount);
        }
        if (key != null) {
            lines.put(key, numbers);
        }
        return sum;
    }

    /**
     * Baht as a decimal string ("197000.00"), never a JSON number (which may round), not negative, at most two
     * decimals; null (with its problem listed) otherwise.
     */
    BigDecimal baht(JsonNode value, String path) {
        if (value == null || !value.isTextual() || !BAHT.matcher(value.asText()).matches()) {
            file.problem(path, "must be baht as a string with at most two decimals, such as \"197000.00\"");
            return null;
        }
        BigDecimal amount = new BigDecimal(value.asText());
        if (amount.signum() < 0) {
            file.problem(path, "must not be negative (" + value.asText() + ")");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            file.problem(path, "has more than two decimals (" + value.asText() + "): baht are counted to the satang");
            return null;
        }
        return amount;
    }

    /** The date of OBEC's letter, when given: a date Tambon keeps. */
    private void receivedOn(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return;
        }
        LocalDate date = null;
        if (value.isTextual()) {
            try {
                date = LocalDate.parse(value.asText());
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            file.problem(path, "must be a date such as 2020-01-15");
        } else if (date.isBefore(ScenarioValidator.FIRST_DAY) || date.isAfter(ScenarioValidator.LAST_DAY)) {
            file.problem(path, "must be from " + ScenarioValidator.FIRST_DAY + " to " + ScenarioValidator.LAST_DAY
                    + ", the dates Tambon keeps");
        }
    }

    static boolean whole(JsonNode value, int min, int max) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min
                && value.asInt() <= max;
    }
}
