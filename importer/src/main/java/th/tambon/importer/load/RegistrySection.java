package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry resource with a natural key, created by {@code POST collection} and updated by {@code PUT collection/key}
 * with {@code If-Match} (ESAs, schools). Per item: absent → create; present with the file's values → unchanged, nothing
 * written; present with other values → update, keeping what the file does not mention; a fixed field (one the API
 * cannot change, such as a school's ESA) that differs → failed, naming it. A 409 on create (someone, or an earlier
 * attempt whose answer was lost, created it meanwhile) and a 412 on update (it changed meanwhile) are met by reading it
 * again and deciding once more.
 */
abstract class RegistrySection implements Section {
    private final Map<String, JsonNode> known = new ConcurrentHashMap<>();

    /** {@code /api/v1/esas}. */
    abstract String collection();

    /** The body of the create request. */
    abstract ObjectNode createBody(Item item);

    /** The fields the API cannot change, with the file's value of each (null when the file leaves it out). */
    abstract Map<String, JsonNode> fixedFields(Item item);

    /** The fields of the update request. */
    abstract List<String> updatableFields();

    /** Lists what the registry holds for these items (each returned view under its key). */
    abstract void list(Gateway gateway, List<Item> items, Map<String, JsonNode> into);

    @Override
    public void prefetch(Gateway gateway, List<Item> items) {
        known.clear();
        list(gateway, items, known);
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun) {
        JsonNode current = known.get(item.key());
        for (int decision = 1; ; decision++) {
            boolean lastChance = decision == 2;
            if (current == null) {
                if (dryRun) {
                    return Result.CREATED;
                }
                Reply created = gateway.post(collection(), createBody(item));
                if (created.ok()) {
                    return Result.CREATED;
                }
                if (created.status() != 409 || lastChance) {
                    return Result.failed(created.status() + " " + created.problem());
                }
            } else {
                List<String> fixed = fixedMismatches(item, current);
                if (!fixed.isEmpty()) {
                    return Result.failed(String.join("; ", fixed));
                }
                ObjectNode wanted = updateBody(item, current);
                if (wanted.equals(updatable(current))) {
                    return Result.UNCHANGED;
                }
                if (dryRun) {
                    return Result.UPDATED;
                }
                Reply updated = gateway.put(collection() + "/" + item.key(), wanted, current.path("version").asLong());
                if (updated.ok()) {
                    return Result.UPDATED;
                }
                if (updated.status() != 412 || lastChance) {
                    return Result.failed(updated.status() + " " + updated.problem());
                }
            }
            Reply again = gateway.get(collection() + "/" + item.key());
            if (again.status() == 404) {
                current = null;
            } else if (again.ok()) {
                current = again.body();
            } else {
                return Result.failed(again.status() + " " + again.problem());
            }
        }
    }

    private List<String> fixedMismatches(Item item, JsonNode current) {
        List<String> mismatches = new ArrayList<>();
        fixedFields(item).forEach((field, wanted) -> {
            JsonNode held = current.path(field);
            if (wanted != null && !wanted.isNull() && !normal(wanted).equals(normal(held))) {
                mismatches.add(field + " is " + held + " in the registry and " + wanted
                        + " in the file; the API cannot change it");
            }
        });
        return mismatches;
    }

    /** The update body: the registry's current values, overwritten by each field the file gives (null clears it). */
    private ObjectNode updateBody(Item item, JsonNode current) {
        ObjectNode body = updatable(current);
        for (String field : updatableFields()) {
            if (item.node().has(field)) {
                body.set(field, normal(item.node().get(field)));
            }
        }
        return body;
    }

    private ObjectNode updatable(JsonNode current) {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (String field : updatableFields()) {
            values.set(field, normal(current.path(field)));
        }
        return values;
    }

    /** As the API stores it: text stripped, blank text and a missing value as null. */
    static JsonNode normal(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NullNode.instance;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            return text.isEmpty() ? NullNode.instance : TextNode.valueOf(text);
        }
        return value;
    }

    /** The file's value of each named field, as the API stores it (null ones left out of the body). */
    static ObjectNode copy(Item item, String... fields) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = normal(item.node().get(field));
            if (!value.isNull()) {
                body.set(field, value);
            }
        }
        return body;
    }
}
