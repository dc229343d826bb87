package th.tambon.importer.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * One of the eight figures an {@code expect} entry gives and the gateway's report of an ESA's fiscal year answers, under
 * the same name, with the section of the report it comes from: a figure is only worth comparing when its section is
 * {@code OK}. Counts are compared exactly; money (baht as decimal strings) by value, so "0" is "0.00".
 */
enum Figure {
    QUALITY_SCHOOLS("qualitySchools", "schools", false),
    ACTIVITIES_HELD("activitiesHeld", "events", false),
    PARTICIPANTS_TOTAL("participantsTotal", "events", false),
    CERTIFICATES_AWARDED("certificatesAwarded", "events", false),
    ALLOCATED("allocated", "budget", true),
    COMMITTED("committed", "budget", true),
    SPENT("spent", "budget", true),
    REMAINING("remaining", "budget", true);

    private final String field;
    private final String section;
    private final boolean money;

    Figure(String field, String section, boolean money) {
        this.field = field;
        this.section = section;
        this.money = money;
    }

    String field() {
        return field;
    }

    String section() {
        return section;
    }

    /** Whether the report's {@code actual} is the file's {@code expected} (both present; the file's is valid). */
    boolean matches(JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (!money) {
            return actual.isIntegralNumber() && actual.canConvertToLong() && actual.asLong() == expected.asLong();
        }
        if (!actual.isTextual() && !actual.isNumber()) {
            return false;
        }
        try {
            return new BigDecimal(actual.asText().strip()).compareTo(new BigDecimal(expected.asText())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A value as the file or the report gives it: 40, 218700.00, "0" (a text where a number belongs), null. */
    static String shown(JsonNode value) {
        if (value == null) {
            return "(missing)";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
