package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code budget[]}: OBEC's allocation rounds, each recorded in budget-service by its natural key ({@code esa},
 * {@code fiscalYear}, {@code round}) with {@code PUT /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}}. The
 * round is read first: the file's figures there already → unchanged, nothing written; other figures → failed, naming
 * them (a round changes only by a revision, which is OBEC's decision, not an import's); absent → recorded, once
 * budget-service's replica knows the ESA (registered a moment ago, it reaches budget-service through {@code schools.v1}
 * a little later; {@link Replica}). A 200 to the PUT means it was recorded meanwhile with the same figures
 * (unchanged), a 409 with other ones (failed, with budget-service's detail). What the file does not give (the letter's
 * date and number) is not compared.
 */
public final class BudgetSection implements Section {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Patience patience;
    private final Replica replica = Replica.budget();

    public BudgetSection() {
        this(Patience.DEFAULT);
    }

    public BudgetSection(Patience patience) {
        this.patience = patience;
    }

    @Override
    public String name() {
        return "budget";
    }

    /** A round's key: {@code P51-1/2563/2}. */
    static String key(String esa, int fiscalYear, int round) {
        return esa + "/" + fiscalYear + "/" + round;
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        return Sections.items(scenario, name(), node -> key(node.path("esa").asText(),
                node.path("fiscalYear").asInt(), node.path("round").asInt()));
    }

    @Override
    public List<String> needs(Item item) {
        return List.of("esas:" + item.node().path("esa").asText());
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun) {
        return load(item, gateway, dryRun, Progress.NONE.start(name(), 1));
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun, Progress.Bar bar) {
        JsonNode file = item.node();
        String esa = file.path("esa").asText();
        String path = "/api/v1/fiscal-years/" + file.path("fiscalYear").asInt() + "/esas/" + esa + "/rounds/"
                + file.path("round").asInt();
        Reply held = gateway.get(path);
        if (held.ok() && held.body() != null) {
            List<String> differences = differences(file, held.body());
            return differences.isEmpty() ? Result.UNCHANGED : Result.failed(otherFigures(file, differences));
        }
        if (held.status() != 404) {
            return Result.failed("GET " + path + ": " + held.status() + " " + held.problem());
        }
        if (dryRun) {
            return Result.CREATED;
        }
        Result unknown = replica.await(gateway, List.of(Replica.esa(esa)), patience, bar);
        if (unknown != null) {
            return unknown;
        }
        Reply recorded = gateway.put(path, body(file), null);
        return switch (recorded.status()) {
            case 201 -> Result.CREATED;
            case 200 -> Result.UNCHANGED; // recorded meanwhile with the same figures, or an earlier try's answer lost
            default -> Result.failed(recorded.status() + " " + recorded.problem());
        };
    }

    /** The body of the PUT: the file's round, baht as decimal strings with two decimals. */
    static ObjectNode body(JsonNode file) {
        ObjectNode body = NODES.objectNode();
        if (file.hasNonNull("receivedOn")) {
            body.put("receivedOn", file.get("receivedOn").asText());
        }
        if (file.hasNonNull("documentRef")) {
            body.put("documentRef", file.get("documentRef").asText().strip());
        }
        body.put("amount", ActivityBody.bahtText(file.get("amount")));
        ArrayNode lines = body.putArray("lines");
        for (JsonNode line : file.path("lines")) {
            lines.addObject().put("line", line.path("line").asInt()).put("category", line.path("category").asText())
                    .put("purposeTh", line.path("purposeTh").asText().strip())
                    .put("amount", ActivityBody.bahtText(line.get("amount")));
        }
        return body;
    }

    /**
     * How the registry's round differs from the file's, each named with both values: its amount and each line's
     * category, purpose and amount as OBEC's letter gave them (before any revision or transfer), lines on one side only,
     * and the letter's date and number when the file gives them.
     */
    static List<String> differences(JsonNode file, JsonNode held) {
        List<String> differences = new ArrayList<>();
        baht(differences, "amount", file.get("amount"), original(held));
        for (String field : List.of("receivedOn", "documentRef")) {
            if (file.hasNonNull(field) && !file.get(field).asText().strip().equals(held.path(field).asText("").strip())) {
                differences.add(field + " is " + shown(held.get(field)) + " in the registry and "
                        + shown(file.get(field)) + " in the file");
            }
        }
        Map<Integer, JsonNode> heldLines = new TreeMap<>();
        held.path("lines").forEach(line -> heldLines.put(line.path("line").asInt(), line));
        for (JsonNode line : file.path("lines")) {
            int number = line.path("line").asInt();
            JsonNode there = heldLines.remove(number);
            if (there == null) {
                differences.add("line " + number + " is in the file, not in the registry");
                continue;
            }
            for (String field : List.of("category", "purposeTh")) {
                if (!line.path(field).asText().strip().equals(there.path(field).asText().strip())) {
                    differences.add("line " + number + "'s " + field + " is " + shown(there.get(field))
                            + " in the registry and " + shown(line.get(field)) + " in the file");
                }
            }
            baht(differences, "line " + number + "'s amount", line.get("amount"), original(there));
        }
        heldLines.keySet().forEach(number -> differences.add("line " + number + " is in the registry, not in the "
                + "file"));
        return differences;
    }

    /** The amount OBEC's letter gave (a revision changes {@code amount}, never {@code originalAmount}). */
    private static JsonNode original(JsonNode held) {
        return held.hasNonNull("originalAmount") ? held.get("originalAmount") : held.get("amount");
    }

    private static void baht(List<String> differences, String what, JsonNode file, JsonNode held) {
        if (!Objects.equals(ActivityBody.baht(file), ActivityBody.baht(held))) {
            differences.add(what + " is " + ActivityBody.bahtText(held) + " in the registry and "
                    + ActivityBody.bahtText(file) + " in the file");
        }
    }

    private static String shown(JsonNode value) {
        return value == null || value.isNull() ? "absent" : "\"" + value.asText() + "\"";
    }

    private static String otherFigures(JsonNode file, List<String> differences) {
        int round = file.path("round").asInt();
        return "round " + round + " of " + file.path("esa").asText() + " in fiscal year "
                + file.path("fiscalYear").asInt() + " is recorded with other figures: " + String.join("; ", differences)
                + "; a round changes only by a revision, not by an import";
    }
}
