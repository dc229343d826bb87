package th.tambon.importer.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules for {@code activities[]}, as events-service applies them and as the importer needs them to drive an
 * activity to its {@code outcome}: each field (required ones, types and tracks, lengths, a start and end with their
 * offsets, the end after the start, funding, money as decimal strings of at most two decimals), the natural key
 * ({@code esa}, {@code ref}) listed once, references inside the file (the ESA, a venue school and certificate schools
 * of that ESA, the funding's line when the file lists its round), and what the outcome allows: participation and
 * certificates only for an activity that took place, not before its day; {@code actualCost} only with REPORTED (and
 * required then when it is funded); FUNDING_REJECTED only for one with funding.
 */
final class ActivityChecks {
    static final List<String> TYPES = List.of("WORKSHOP", "SYMPOSIUM", "PLC", "SUPERVISION_VISIT", "MEETING",
            "TRAINING", "ASSESSMENT");
    static final List<String> TRACKS = List.of("INNOVATION", "OCCUPATION", "QUALITY_CLASSROOM", "ENVIRONMENT", "ITA");
    static final List<String> ROLES = List.of("SCHOOL_DIRECTOR", "TEACHER", "SUPERVISOR", "STAFF", "STUDENT",
            "COMMITTEE", "OTHER");
    static final List<String> OUTCOMES = List.of("PLANNED", "HELD", "REPORTED", "CANCELLED", "FUNDING_REJECTED");
    private static final Pattern REF = Pattern.compile("[^\\s/?#]+");
    /** Baht as events-service takes it: at most 12 digits before the point and 2 after. */
    private static final Pattern BAHT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final int MAX_COUNT = 1_000_000;
    private static final int FIRST_YEAR_BE = 2543;
    private static final int LAST_YEAR_BE = 2643;
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private final ScenarioValidator file;
    private final LocalDate today;

    ActivityChecks(ScenarioValidator file, LocalDate today) {
        this.file = file;
        this.today = today;
    }

    void check(JsonNode root) {
        JsonNode activities = root.get("activities");
        if (activities == null || activities.isNull()) {
            return;
        }
        if (!activities.isArray()) {
            file.problem("$.activities", "must be an array");
            return;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            String path = "$.activities[" + i + "]";
            if (!activities.get(i).isObject()) {
                file.problem(path, "must be an object");
            } else {
                activity(activities.get(i), path, firstAt);
            }
        }
    }

    private void activity(JsonNode activity, String path, Map<String, String> firstAt) {
        String esa = file.code(activity, path, "esa", ScenarioValidator.ESA, "an ESA code such as P31-4");
        if (esa != null && file.provinceOf(esa) == null) {
            file.problem(path + ".esa", "ESA " + esa + " is not among the file's esas");
        }
        String ref = file.text(activity, path, "ref", 100);
        if (ref != null && !REF.matcher(ref).matches()) {
            file.problem(path + ".ref", "must have no spaces, / ? or #");
        } else if (ref != null && esa != null) {
            String first = firstAt.putIfAbsent(esa + "/" + ref, path);
            if (first != null) {
                file.problem(path + ".ref", ref + " of " + esa + " is listed twice (first at " + first + ")");
            }
        }
        oneOf(activity, path, "type", TYPES);
        file.text(activity, path, "titleTh", 300);
        tracks(activity, path);
        // neither a venueSchool nor a venue: the importer names the ESA's office (events-service needs one of them)
        optionalSchool(activity.get("venueSchool"), path + ".venueSchool", esa);
        file.optionalText(activity, path, "venue", 300);
        file.optionalText(activity, path, "organiser", 200);
        file.optionalText(activity, path, "chair", 200);
        file.optionalText(activity, path, "chairTitle", 300);
        file.optionalText(activity, path, "reason", 500);
        OffsetDateTime start = instant(activity, path, "start");
        OffsetDateTime end = instant(activity, path, "end");
        if (start != null && end != null && !end.isAfter(start)) {
            file.problem(path + ".end", "must be after the start (" + activity.get("start").asText() + ")");
        }
        academicYear(activity, path, start);
        agenda(activity, path);
        boolean funded = funding(activity, path, esa);
        boolean participation = participation(activity, path);
        boolean certificates = certificates(activity, path, esa);
        boolean cost = activity.hasNonNull("actualCost");
        if (cost) {
            baht(activity.get("actualCost"), path + ".actualCost", false);
        }
        String outcome = oneOf(activity, path, "outcome", OUTCOMES);
        if (outcome == null) {
            return;
        }
        boolean tookPlace = outcome.equals("HELD") || outcome.equals("REPORTED");
        if (outcome.equals("FUNDING_REJECTED") && !funded) {
            file.problem(path + ".outcome", "FUNDING_REJECTED needs funding: only a request for money can be refused");
        }
        if (cost && !outcome.equals("REPORTED")) {
            file.problem(path + ".actualCost", "is given only with the outcome REPORTED, not " + outcome);
        }
        if (!cost && funded && outcome.equals("REPORTED")) {
            file.problem(path + ".actualCost", "is required: a funded activity is reported with what it cost");
        }
        if (participation && !tookPlace) {
            file.problem(path + ".participation", "is recorded only for an activity that took place (outcome HELD "
                    + "or REPORTED), not " + outcome);
        }
        if (certificates && !tookPlace) {
            file.problem(path + ".certificates", "are awarded only at an activity that took place (outcome HELD or "
                    + "REPORTED), not " + outcome);
        }
        if (tookPlace && start != null && start.atZoneSameInstant(BANGKOK).toLocalDate().isAfter(today)) {
            file.problem(path + ".outcome", outcome + " cannot be reached before the activity's day, "
                    + start.atZoneSameInstant(BANGKOK).toLocalDate() + " (today is " + today + " in Bangkok)");
        }
    }

    private String oneOf(JsonNode node, String path, String field, List<String> allowed) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || !allowed.contains(value.asText())) {
            file.problem(path + "." + field, "must be " + either(allowed));
            return null;
        }
        return value.asText();
    }

    private static String either(List<String> allowed) {
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }

    private void tracks(JsonNode activity, String path) {
        JsonNode tracks = activity.get("tracks");
        if (tracks == null || !tracks.isArray() || tracks.size() > TRACKS.size()) {
            file.problem(path + ".tracks", "must be an array of at most " + TRACKS.size() + " tracks");
            return;
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (!tracks.get(i).isTextual() || !TRACKS.contains(tracks.get(i).asText())) {
                file.problem(path + ".tracks[" + i + "]", "must be " + either(TRACKS));
            }
        }
    }

    /** A school the activity names: one of the file's schools, of the activity's ESA; null when absent or wrong. */
    private String optionalSchool(JsonNode value, String path, String esa) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !ScenarioValidator.SMIS.matcher(value.asText()).matches()) {
            file.problem(path, "must be the 8-digit SMIS code");
            return null;
        }
        String school = value.asText();
        String schoolEsa = file.esaOf(school);
        if (schoolEsa == null) {
            file.problem(path, "school " + school + " is not among the file's schools");
            return null;
        }
        if (esa != null && !schoolEsa.isEmpty() && !schoolEsa.equals(esa)) {
            file.problem(path, "school " + school + " is of " + schoolEsa + ", not of " + esa);
            return null;
        }
        return school;
    }

    private OffsetDateTime instant(JsonNode activity, String path, String field) {
        JsonNode value = activity.get(field);
        OffsetDateTime parsed = null;
        if (value != null && value.isTextual()) {
            try {
                parsed = OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            file.problem(path + "." + field, "must be a date and time with its offset, such as "
                    + "2020-07-21T09:00:00+07:00");
            return null;
        }
        if (parsed.toLocalDate().isBefore(ScenarioValidator.FIRST_DAY)
                || parsed.toLocalDate().isAfter(ScenarioValidator.LAST_DAY)) {
            file.problem(path + "." + field, "must be from " + ScenarioValidator.FIRST_DAY + " to "
                    + ScenarioValidator.LAST_DAY + ", the dates Tambon keeps");
            return null;
        }
        return parsed;
    }

    /**
     * The academic year the file says the activity falls in: events-service works it out from the start day by the
     * academic calendar, so the file can only be wrong about it. A year opens between May and July, so a day of BE year
     * {@code y} lies in academic year {@code y - 1} or {@code y}.
     */
    private void academicYear(JsonNode activity, String path, OffsetDateTime start) {
        JsonNode value = activity.get("academicYear");
        if (value == null || value.isNull()) {
            return;
        }
        if (!whole(value, FIRST_YEAR_BE, LAST_YEAR_BE)) {
            file.problem(path + ".academicYear", "must be a year (BE) from " + FIRST_YEAR_BE + " to " + LAST_YEAR_BE);
            return;
        }
        if (start != null) {
            LocalDate day = start.atZoneSameInstant(BANGKOK).toLocalDate();
            int be = day.getYear() + 543;
            if (value.asInt() != be && value.asInt() != be - 1) {
                file.problem(path + ".academicYear", "is " + value.asInt() + ", but an activity starting on " + day
                        + " falls in academic year " + (be - 1) + " or " + be);
            }
        }
    }

    private void agenda(JsonNode activity, String path) {
        JsonNode agenda = activity.get("agenda");
        if (agenda == null || agenda.isNull()) {
            return;
        }
        if (!agenda.isArray() || agenda.size() > 50) {
            file.problem(path + ".agenda", "must be an array of at most 50 items");
            return;
        }
        for (int i = 0; i < agenda.size(); i++) {
            JsonNode item = agenda.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                file.problem(path + ".agenda[" + i + "]", "is required text");
            } else if (item.asText().length() > 300) {
                file.problem(path + ".agenda[" + i + "]", "must be at most 300 characters, not "
                        + item.asText().length());
            }
        }
    }

    /**
     * Whether the activity has funding (well formed or not: its problems are listed here). A round the file lists must
     * have the line the funding names; one it does not list may be in budget-service already.
     */
    private boolean funding(JsonNode activity, String path, String esa) {
        JsonNode funding = activity.get("funding");
        if (funding == null || funding.isNull()) {
            return false;
        }
        if (!funding.isObject()) {
            file.problem(path + ".funding", "must be an object: fiscalYear, round, line, estimate");
            return true;
        }
        if (!whole(funding.get("fiscalYear"), FIRST_YEAR_BE, LAST_YEAR_BE)) {
            file.problem(path + ".funding.fiscalYear", "must be a year (BE) from " + FIRST_YEAR_BE + " to "
                    + LAST_YEAR_BE);
        }
        if (!whole(funding.get("round"), 1, 99)) {
            file.problem(path + ".funding.round", "must be a whole number from 1 to 99");
        }
        if (!whole(funding.get("line"), 1, 999)) {
            file.problem(path + ".funding.line", "must be a whole number from 1 to 999");
        } else if (esa != null && whole(funding.get("fiscalYear"), FIRST_YEAR_BE, LAST_YEAR_BE)
                && whole(funding.get("round"), 1, 99)) {
            int year = funding.get("fiscalYear").asInt();
            int round = funding.get("round").asInt();
            int line = funding.get("line").asInt();
            if (Boolean.FALSE.equals(file.roundHasLine(esa, year, round, line))) {
                file.problem(path + ".funding.line", "round " + round + " of " + esa + " in fiscal year " + year
                        + " (in the file's budget) has no line " + line);
            }
        }
        baht(funding.get("estimate"), path + ".funding.estimate", true);
        return true;
    }

    /** Money as a decimal string of at most two decimals ("21700.00"), never a JSON number (which may round). */
    private void baht(JsonNode value, String path, boolean positive) {
        if (value == null || !value.isTextual() || !BAHT.matcher(value.asText()).matches()) {
            file.problem(path, "must be baht as a string with at most two decimals, such as \"21700.00\"");
        } else if (positive && new BigDecimal(value.asText()).signum() == 0) {
            file.problem(path, "must be more than 0 baht");
        }
    }

    /** Whether the file records anyone taking part (a count above 0), its problems listed. */
    private boolean participation(JsonNode activity, String path) {
        JsonNode participation = activity.get("participation");
        if (participation == null || participation.isNull()) {
            return false;
        }
        if (!participation.isObject()) {
            file.problem(path + ".participation", "must be an object: byRole and/or total");
            return false;
        }
        long sum = 0;
        boolean anyone = false;
        JsonNode byRole = participation.get("byRole");
        if (byRole != null && !byRole.isNull()) {
            if (!byRole.isObject()) {
                file.problem(path + ".participation.byRole", "must be an object of counts by role");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = byRole.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> role = it.next();
                    String rolePath = path + ".participation.byRole." + role.getKey();
                    if (!ROLES.contains(role.getKey())) {
                        file.problem(rolePath, "is not a role: " + either(ROLES));
                    } else if (!whole(role.getValue(), 0, MAX_COUNT)) {
                        file.problem(rolePath, "must be a whole number from 0 to " + MAX_COUNT);
                    } else {
                        sum += role.getValue().asInt();
                        anyone |= role.getValue().asInt() > 0;
                    }
                }
            }
        }
        JsonNode total = participation.get("total");
        if (total != null && !total.isNull()) {
            if (!whole(total, 0, MAX_COUNT)) {
                file.problem(path + ".participation.total", "must be a whole number from 0 to " + MAX_COUNT);
            } else if (total.asInt() < sum) {
                file.problem(path + ".participation.total", "is " + total.asInt()
                        + ", less than the sum of byRole (" + sum + ")");
            } else {
                anyone |= total.asInt() > 0;
            }
        }
        return anyone;
    }

    /** Whether the file awards any certificate, its problems listed. */
    private boolean certificates(JsonNode activity, String path, String esa) {
        JsonNode certificates = activity.get("certificates");
        if (certificates == null || certificates.isNull()) {
            return false;
        }
        if (!certificates.isArray()) {
            file.problem(path + ".certificates", "must be an array of {\"school\": SMIS code}");
            return false;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < certificates.size(); i++) {
            String at = path + ".certificates[" + i + "]";
            JsonNode certificate = certificates.get(i);
            if (!certificate.isObject()) {
                file.problem(at, "must be an object: {\"school\": SMIS code}");
                continue;
            }
            if (certificate.get("school") == null || certificate.get("school").isNull()) {
                file.problem(at + ".school", "must be the 8-digit SMIS code");
                continue;
            }
            String school = optionalSchool(certificate.get("school"), at + ".school", esa);
            if (school != null) {
                String first = firstAt.putIfAbsent(school, at);
                if (first != null) {
                    file.problem(at + ".school", school + " is listed twice (first at " + first + "): a school has one "
                            + "certificate of an activity");
                }
            }
        }
        return !certificates.isEmpty();
    }

    private static boolean whole(JsonNode value, int min, int max) {
        return value != null && value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= min
                && value.asInt() <= max;
    }
}
