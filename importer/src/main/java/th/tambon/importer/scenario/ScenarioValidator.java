package th.tambon.importer.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.contracts.Codes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole {@code tambon-scenario/1} file before anything is written, and lists every problem with its JSON
 * path: the format, each ESA, school and network field, the natural keys (an ESA's code, a school's code, a network's
 * ESA, a network's members: each listed once, a second listing naming the first), references inside the file (a
 * school's ESA, a network's chair and members), and the programme's rules (a tambon in its ESA's province, one quality
 * school per tambon, network members the ESA's own quality schools), each allocation round ({@link BudgetChecks}) and
 * each activity ({@link ActivityChecks}) and each expected figure ({@link ExpectChecks}: {@code import --check} compares
 * them with the gateway's reports).
 */
public final class ScenarioValidator {
    public static final String FORMAT = "tambon-scenario/1";
    static final Pattern ESA = Pattern.compile(Codes.ESA);
    static final Pattern SMIS = Pattern.compile(Codes.SMIS);
    private static final Pattern TAMBON = Pattern.compile(Codes.TAMBON);
    private static final Pattern PROVINCE = Pattern.compile(Codes.PROVINCE);

    /** The dates the API keeps (http-kit's ProgrammeDates, docs/decisions/0013); the importer depends on no kit. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private final LocalDate today;
    private final List<ScenarioProblem> problems = new ArrayList<>();
    private final Map<String, String> esaProvince = new HashMap<>();
    private final Map<String, String> schoolEsa = new HashMap<>();
    private final Set<String> qualitySchools = new HashSet<>();
    private final Map<String, String> qualityTambons = new HashMap<>();
    private final BudgetChecks budget = new BudgetChecks(this);

    public ScenarioValidator(LocalDate today) {
        this.today = today;
    }

    /** Today as the API judges dates: in Asia/Bangkok, whatever zone the machine running the importer is in. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Bangkok"));
    }

    /** Every problem of the file, in file order; empty when it may be loaded. */
    public List<ScenarioProblem> validate(JsonNode root) {
        problems.clear();
        esaProvince.clear();
        schoolEsa.clear();
        qualitySchools.clear();
        qualityTambons.clear();
        if (root == null || !root.isObject()) {
            problems.add(new ScenarioProblem("$", "must be a JSON object"));
            return List.copyOf(problems);
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            problems.add(new ScenarioProblem("$.format", "must be \"" + FORMAT + "\""));
        }
        each(root, "esas", "code", this::esa);
        each(root, "schools", "code", this::school);
        each(root, "networks", "esa", this::network);
        budget.check(root);
        new ActivityChecks(this, today).check(root);
        new ExpectChecks(this, budget).check(root);
        return List.copyOf(problems);
    }

    private interface Item {
        void check(JsonNode item, String path);
    }

    /** Checks each entry of a section, and that no two share the natural key {@code key}. */
    private void each(JsonNode root, String section, String key, Item check) {
        JsonNode items = root.get(section);
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            problems.add(new ScenarioProblem("$." + section, "must be an array"));
            return;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "$." + section + "[" + i + "]";
            if (!items.get(i).isObject()) {
                problems.add(new ScenarioProblem(path, "must be an object"));
            } else {
                listedOnce(firstAt, items.get(i).get(key), path + "." + key, path);
                check.check(items.get(i), path);
            }
        }
    }

    /**
     * False, with a problem at {@code keyPath} naming where it was first listed, when {@code key} was seen before in
     * the same list: loading both would write one thing twice, in whichever order the requests happened to land.
     */
    private boolean listedOnce(Map<String, String> firstAt, JsonNode key, String keyPath, String itemPath) {
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            return true; // a missing or malformed key is reported by the field's own check
        }
        String first = firstAt.putIfAbsent(key.asText(), itemPath);
        if (first != null) {
            problems.add(new ScenarioProblem(keyPath, key.asText() + " is listed twice (first at " + first + ")"));
        }
        return first == null;
    }

    private void esa(JsonNode esa, String path) {
        String code = code(esa, path, "code", ESA, "an ESA code such as P31-4");
        String kind = text(esa, path, "kind", 20);
        if (kind != null && !kind.equals("PRIMARY") && !kind.equals("SECONDARY")) {
            problems.add(new ScenarioProblem(path + ".kind", "must be PRIMARY or SECONDARY"));
        }
        JsonNode zone = esa.get("zone");
        if (zone == null || !zone.canConvertToInt() || !zone.isIntegralNumber() || zone.asInt() < 1 || zone.asInt() > 99) {
            problems.add(new ScenarioProblem(path + ".zone", "must be a whole number from 1 to 99"));
            zone = null;
        }
        String province = code(esa, path, "provinceCode", PROVINCE, "a 2-digit DOPA province code");
        text(esa, path, "province", 100);
        text(esa, path, "nameTh", 200);
        text(esa, path, "nameEn", 200);
        optionalText(esa, path, "director", 200);
        if (code != null && kind != null && province != null && zone != null) {
            String expected = (kind.equals("PRIMARY") ? "P" : "S") + province + "-" + zone.asInt();
            if (!code.equals(expected)) {
                problems.add(new ScenarioProblem(path + ".code", "does not match kind, provinceCode and zone, which make " + expected));
            }
        }
        if (code != null) {
            esaProvince.putIfAbsent(code, province == null ? "" : province);
        }
    }

    private void school(JsonNode school, String path) {
        String code = code(school, path, "code", SMIS, "the 8-digit SMIS code");
        text(school, path, "nameTh", 200);
        optionalText(school, path, "nameEn", 200);
        String esa = code(school, path, "esa", ESA, "an ESA code such as P31-4");
        text(school, path, "province", 100);
        text(school, path, "district", 100);
        text(school, path, "tambon", 100);
        optionalText(school, path, "director", 200);
        optionalCount(school, path, "students", 100_000);
        optionalCount(school, path, "teachers", 10_000);
        String tambonCode = code(school, path, "tambonCode", TAMBON, "the 6-digit DOPA tambon code");
        if (esa != null && !esaProvince.containsKey(esa)) {
            problems.add(new ScenarioProblem(path + ".esa", "ESA " + esa + " is not among the file's esas"));
        } else if (esa != null && tambonCode != null && !esaProvince.get(esa).isEmpty()
                && !tambonCode.startsWith(esaProvince.get(esa))) {
            problems.add(new ScenarioProblem(path + ".tambonCode", "tambon " + tambonCode + " is not in province "
                    + esaProvince.get(esa) + " that " + esa + " serves"));
        }
        if (code != null) {
            schoolEsa.putIfAbsent(code, esa == null ? "" : esa);
        }
        JsonNode quality = school.get("qualitySchool");
        if (quality != null && !quality.isNull()) {
            String datePath = path + ".qualitySchool.designatedOn";
            LocalDate designatedOn = date(quality.get("designatedOn"));
            if (designatedOn == null) {
                problems.add(new ScenarioProblem(datePath, "must be a date such as 2019-06-01"));
            } else if (designatedOn.isAfter(today)) {
                problems.add(new ScenarioProblem(datePath, "cannot be after today (" + today + ")"));
            } else if (designatedOn.isBefore(FIRST_DAY)) {
                problems.add(new ScenarioProblem(datePath, "must be from " + FIRST_DAY + " to " + LAST_DAY
                        + ", the dates Tambon keeps"));
            }
            if (code != null) {
                qualitySchools.add(code);
            }
            if (tambonCode != null) {
                String other = qualityTambons.putIfAbsent(tambonCode, code);
                if (other != null) {
                    problems.add(new ScenarioProblem(path + ".qualitySchool", "tambon " + tambonCode
                            + " already has a quality school in this file: " + other));
                }
            }
        }
    }

    private void network(JsonNode network, String path) {
        String esa = code(network, path, "esa", ESA, "an ESA code such as P31-4");
        if (esa != null && !esaProvince.containsKey(esa)) {
            problems.add(new ScenarioProblem(path + ".esa", "ESA " + esa + " is not among the file's esas"));
        }
        String chair = code(network, path, "chairSchool", SMIS, "the 8-digit SMIS code");
        text(network, path, "chairPerson", 200);
        JsonNode members = network.get("members");
        Map<String, String> listed = new HashMap<>();
        if (members == null || !members.isArray() || members.isEmpty()) {
            problems.add(new ScenarioProblem(path + ".members", "must be a non-empty array of SMIS codes"));
        } else {
            for (int i = 0; i < members.size(); i++) {
                String memberPath = path + ".members[" + i + "]";
                String member = members.get(i).asText(null);
                if (member == null || !members.get(i).isTextual() || !SMIS.matcher(member).matches()) {
                    problems.add(new ScenarioProblem(memberPath, "must be the 8-digit SMIS code"));
                } else if (listedOnce(listed, members.get(i), memberPath, memberPath)) {
                    member(member, esa, memberPath);
                }
            }
        }
        if (chair != null && members != null && members.isArray() && !listed.containsKey(chair)) {
            problems.add(new ScenarioProblem(path + ".chairSchool", "must be one of the members"));
        }
    }

    /** A network member: one of the file's schools, of the network's ESA, a quality school. */
    private void member(String member, String esa, String memberPath) {
        if (!schoolEsa.containsKey(member)) {
            problems.add(new ScenarioProblem(memberPath, "school " + member + " is not among the file's schools"));
        } else if (esa != null && !esa.equals(schoolEsa.get(member))) {
            problems.add(new ScenarioProblem(memberPath, "school " + member + " is of " + schoolEsa.get(member)
                    + ", not of " + esa));
        } else if (!qualitySchools.contains(member)) {
            problems.add(new ScenarioProblem(memberPath, "school " + member + " is not a quality school"));
        }
    }

    void problem(String path, String reason) {
        problems.add(new ScenarioProblem(path, reason));
    }

    /** The province code the file gives ESA {@code esa}, or null when the file does not list it. */
    String provinceOf(String esa) {
        return esaProvince.get(esa);
    }

    /**
     * Whether the file's allocation round {@code round} of {@code esa} in {@code fiscalYear} has line {@code line}; null
     * when the file does not list that round.
     */
    Boolean roundHasLine(String esa, int fiscalYear, int round, int line) {
        return budget.lineOf(esa, fiscalYear, round, line);
    }

    /** The ESA the file gives school {@code code} ("" when its ESA is malformed), or null when it does not list it. */
    String esaOf(String school) {
        return schoolEsa.get(school);
    }

    String text(JsonNode node, String path, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(new ScenarioProblem(path + "." + field, "is required text"));
            return null;
        }
        return longest(value.asText(), path + "." + field, maxLength);
    }

    void optionalText(JsonNode node, String path, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            problems.add(new ScenarioProblem(path + "." + field, "must be text or null"));
        } else {
            longest(value.asText(), path + "." + field, maxLength);
        }
    }

    private String longest(String text, String path, int maxLength) {
        int length = text.length();
        if (length > maxLength) {
            problems.add(new ScenarioProblem(path, "must be at most " + maxLength + " characters, not " + length));
            return null;
        }
        return text;
    }

    private void optionalCount(JsonNode node, String path, String field, int max) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull()
                && (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0 || value.asInt() > max)) {
            problems.add(new ScenarioProblem(path + "." + field, "must be a whole number from 0 to " + max));
        }
    }

    String code(JsonNode node, String path, String field, Pattern format, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !format.matcher(value.asText()).matches()) {
            problems.add(new ScenarioProblem(path + "." + field, "must be " + what));
            return null;
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
