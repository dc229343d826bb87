package th.tambon.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a schema only grew compatibly from its released version, for consumers reading old and new events alike:
 * every released property is still there and described exactly as before (its description may change), the
 * required fields are the same, new properties are optional, and {@code additionalProperties} is unchanged.
 */
final class SchemaCompatibility {
    private static final Set<String> PROSE = Set.of("description", "title", "examples", "$comment");

    private SchemaCompatibility() {
    }

    /** Each way {@code current} breaks {@code released}; empty when it only grew compatibly. */
    static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        if (!names(released.path("required")).equals(names(current.path("required")))) {
            breaks.add("required fields changed from " + names(released.path("required")) + " to "
                    + names(current.path("required")));
        }
        if (!released.path("additionalProperties").equals(current.path("additionalProperties"))) {
            breaks.add("additionalProperties changed");
        }
        if (!withoutProse(released.path("type")).equals(withoutProse(current.path("type")))) {
            breaks.add("type changed");
        }
        JsonNode before = released.path("properties");
        JsonNode after = current.path("properties");
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String property = it.next();
            if (!after.has(property)) {
                breaks.add("property " + property + " was removed");
            } else if (!withoutProse(before.get(property)).equals(withoutProse(after.get(property)))) {
                breaks.add("property " + property + " changed from " + withoutProse(before.get(property)) + " to "
                        + withoutProse(after.get(property)));
            }
        }
        return breaks;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode withoutProse(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.fields().forEachRemaining(e -> {
                if (!PROSE.contains(e.getKey())) {
                    copy.set(e.getKey(), withoutProse(e.getValue()));
                }
            });
            return copy;
        }
        return node;
    }
}
