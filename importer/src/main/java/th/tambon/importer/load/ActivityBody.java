package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An activity's details as {@code POST} and {@code PUT /api/v1/activities} take them, made from the file, and compared
 * with an activity view the way events-service compares them: text stripped (blank as none), tracks as a set, the same
 * instants with the same offsets, the same baht however written. What the file leaves out is not compared, and an
 * update keeps the registry's value of it.
 */
final class ActivityBody {
    /** The details an activity's owner may change, in the order the API lists them. */
    static final List<String> DETAILS = List.of("type", "titleTh", "tracks", "venueSchool", "venue", "organiser",
            "chair", "chairTitle", "start", "end", "agenda", "funding");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActivityBody() {
    }

    /** The body of {@code POST /api/v1/activities}: the file's activity. */
    static ObjectNode create(JsonNode file) {
        ObjectNode body = NODES.objectNode();
        body.set("esa", file.get("esa"));
        body.set("ref", file.get("ref"));
        for (String field : DETAILS) {
            JsonNode value = normal(field, file.get(field));
            if (!value.isNull()) {
                body.set(field, value);
            }
        }
        return body;
    }

    /** The body of {@code PUT /api/v1/activities/{id}}: the registry's details, each the file gives laid over them. */
    static ObjectNode update(JsonNode file, JsonNode current) {
        ObjectNode body = NODES.objectNode();
        body.set("esa", current.get("esa"));
        body.set("ref", current.get("ref"));
        for (String field : DETAILS) {
            JsonNode value = normal(field, file.has(field) ? file.get(field) : current.get(field));
            if (!value.isNull()) {
                body.set(field, value);
            }
        }
        return body;
    }

    /** The details the file gives other than the registry holds, each named with both values. */
    static List<String> differences(JsonNode file, JsonNode current) {
        List<String> differences = new ArrayList<>();
        for (String field : DETAILS) {
            if (file.has(field) && !same(field, file.get(field), current.get(field))) {
                differences.add(field + " is " + shown(field, current.get(field)) + " in the registry and "
                        + shown(field, file.get(field)) + " in the file");
            }
        }
        return differences;
    }

    /** Whether one of the differences is the funding's. */
    static boolean fundingAmong(List<String> differences) {
        return differences.stream().anyMatch(difference -> difference.startsWith("funding "));
    }

    private static boolean same(String field, JsonNode file, JsonNode held) {
        JsonNode wanted = normal(field, file);
        JsonNode have = normal(field, held);
        return switch (field) {
            case "tracks" -> set(wanted).equals(set(have));
            case "start", "end" -> sameInstant(wanted, have);
            case "funding" -> sameFunding(wanted, have);
            default -> wanted.equals(have);
        };
    }

    private static TreeSet<String> set(JsonNode array) {
        TreeSet<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean sameInstant(JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        OffsetDateTime x = OffsetDateTime.parse(a.asText());
        OffsetDateTime y = OffsetDateTime.parse(b.asText());
        return x.isEqual(y) && x.getOffset().equals(y.getOffset());
    }

    private static boolean sameFunding(JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        return a.path("fiscalYear").asInt() == b.path("fiscalYear").asInt()
                && a.path("round").asInt() == b.path("round").asInt()
                && a.path("line").asInt() == b.path("line").asInt()
                && Objects.equals(baht(a.get("estimate")), baht(b.get("estimate")));
    }

    /** Baht as a number to compare, from a decimal string or a JSON number; null when absent or not a number. */
    static BigDecimal baht(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
            return amount.stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Baht as the API takes it in a body: a decimal string with two decimals ("21700.00"). */
    static String bahtText(JsonNode value) {
        BigDecimal amount = baht(value);
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String shown(String field, JsonNode value) {
        JsonNode normal = normal(field, value);
        return normal.isNull() ? "absent" : normal.toString();
    }

    /**
     * A detail as events-service keeps it: text stripped and blank as none, an absent list as an empty one, agenda
     * items stripped, funding's estimate as a decimal string.
     */
    static JsonNode normal(String field, JsonNode value) {
        if (field.equals("tracks") || field.equals("agenda")) {
            ArrayNode list = NODES.arrayNode();
            if (value != null && value.isArray()) {
                value.forEach(item -> list.add(item.asText().strip()));
            }
            return list;
        }
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NullNode.instance;
        }
        if (field.equals("funding")) {
            ObjectNode funding = NODES.objectNode();
            funding.set("fiscalYear", value.get("fiscalYear"));
            funding.set("round", value.get("round"));
            funding.set("line", value.get("line"));
            funding.put("estimate", bahtText(value.get("estimate")));
            return funding;
        }
        return RegistrySection.normal(value);
    }
}
