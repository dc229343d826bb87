package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code qualitySchool.designatedOn} of {@code schools[]}: a designation in force from that date, recorded with
 * {@code POST /api/v1/schools/{code}/designations/in-force} (OBEC's way to record history). A school already active
 * from that date is unchanged; so is one whose designation held that date and was withdrawn later, with a note (the
 * importer neither withdraws nor designates again). The importer never rewrites a designation's history: a school
 * active from another date, with a designation still in progress (nominated or designated), or with one withdrawn
 * after the file's date, fails with the registry's dates, to be settled through the API. A school without
 * {@code qualitySchool} is left as the registry has it.
 */
public final class DesignationSection implements Section {
    private static final Set<String> OPEN = Set.of("NOMINATED", "DESIGNATED", "ACTIVE");
    private static final String WITHDRAWN = "WITHDRAWN";

    private final String reason;
    private final Map<String, String> activeFrom = new ConcurrentHashMap<>();

    /** {@code source} names the file in each designation's recorded reason. */
    public DesignationSection(String source) {
        this.reason = "นำเข้าจากไฟล์ " + source;
    }

    @Override
    public String name() {
        return "designations";
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        List<Item> items = new ArrayList<>();
        for (Item school : Sections.items(scenario, "schools", node -> node.path("code").asText())) {
            JsonNode quality = school.node().get("qualitySchool");
            if (quality != null && quality.isObject()) {
                items.add(new Item(school.key(), school.path() + ".qualitySchool", school.node(), school.position()));
            }
        }
        return items;
    }

    @Override
    public List<String> needs(Item item) {
        return List.of("schools:" + item.key());
    }

    @Override
    public void prefetch(Gateway gateway, List<Item> items) {
        activeFrom.clear();
        Set<String> esas = new LinkedHashSet<>();
        items.forEach(item -> esas.add(item.node().path("esa").asText()));
        for (String esa : esas) {
            Pages.each(gateway, "/api/v1/quality-schools?esa=" + URLEncoder.encode(esa, StandardCharsets.UTF_8),
                    active -> activeFrom.put(active.path("school").asText(), active.path("activeFrom").asText()));
        }
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun) {
        String designatedOn = item.node().path("qualitySchool").path("designatedOn").asText();
        if (designatedOn.equals(activeFrom.get(item.key()))) {
            return Result.UNCHANGED;
        }
        for (int decision = 1; ; decision++) {
            String history = "/api/v1/schools/" + item.key() + "/designations";
            Reply designations = gateway.get(history);
            if (designations.status() == 404 && dryRun) {
                return Result.CREATED;
            }
            if (!designations.ok() || designations.body() == null) {
                return Result.failed("GET " + history + ": " + designations.status() + " " + designations.problem());
            }
            Result decided = decide(item.key(), designations.body(), LocalDate.parse(designatedOn));
            if (decided != null) {
                return decided;
            }
            if (dryRun) {
                return Result.CREATED;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("designatedOn", designatedOn).put("reason", reason);
            Reply recorded = gateway.post(history + "/in-force", body);
            if (recorded.ok()) {
                return Result.CREATED;
            }
            if (recorded.status() != 409 || decision == 2) {
                return Result.failed(recorded.status() + " " + recorded.problem());
            }
        }
    }

    /**
     * What the school's designations (every one, as the registry lists them) make of the file's "active from
     * {@code designatedOn}", or null when an in-force record from that date is what is missing. A withdrawn designation
     * active on that date (or from it) already records the file's fact, ended later: left as it is, since the importer
     * neither withdraws nor designates again. One withdrawn before that date is history that does not stand in the way;
     * one active only after it would overlap a record from that date, which would rewrite history, and so would one
     * withdrawn after it that was never active on it (a nomination ended before it became active): the API refuses a
     * designation beginning before the school's latest withdrawal, and so does the importer, before any write.
     */
    private static Result decide(String school, JsonNode designations, LocalDate designatedOn) {
        for (JsonNode designation : designations) {
            LocalDate from = date(designation.path("activeFrom"));
            LocalDate withdrawn = date(designation.path("withdrawnOn"));
            boolean held = from != null && withdrawn != null
                    && (from.equals(designatedOn) || (from.isBefore(designatedOn) && designatedOn.isBefore(withdrawn)));
            if (held && WITHDRAWN.equals(designation.path("status").asText())) {
                return Result.unchanged("the registry has it active from " + from + " and withdrawn on " + withdrawn
                        + "; the importer neither withdraws nor designates again");
            }
        }
        for (JsonNode designation : designations) {
            String status = designation.path("status").asText();
            if (status.equals("ACTIVE")) {
                return same(designation.path("activeFrom").asText(), designatedOn.toString());
            }
            if (OPEN.contains(status)) {
                return Result.failed("the registry has a designation in progress: " + status + " (nominated on "
                        + designation.path("nominatedOn").asText() + "); settle it through the API first");
            }
        }
        LocalDate latestWithdrawal = null;
        for (JsonNode designation : designations) {
            LocalDate from = date(designation.path("activeFrom"));
            if (from != null && from.isAfter(designatedOn)) {
                return Result.failed("the registry has it active from " + from + " to "
                        + designation.path("withdrawnOn").asText() + ", the file from " + designatedOn
                        + "; the importer does not rewrite a designation's history");
            }
            LocalDate withdrawn = date(designation.path("withdrawnOn"));
            if (withdrawn != null && (latestWithdrawal == null || withdrawn.isAfter(latestWithdrawal))) {
                latestWithdrawal = withdrawn;
            }
        }
        // the API's rule: a new designation cannot begin before the school's latest withdrawal (422 naming the date)
        if (latestWithdrawal != null && designatedOn.isBefore(latestWithdrawal)) {
            return Result.failed("school " + school + "'s previous designation was withdrawn on " + latestWithdrawal
                    + ": a new one cannot begin before that (the file has it active from " + designatedOn + ")");
        }
        return null;
    }

    private static LocalDate date(JsonNode value) {
        return value.isTextual() ? LocalDate.parse(value.asText()) : null;
    }

    private static Result same(String activeFrom, String designatedOn) {
        return activeFrom.equals(designatedOn) ? Result.UNCHANGED
                : Result.failed("the registry has it active from " + activeFrom + ", the file from " + designatedOn
                + "; the importer does not rewrite a designation's history");
    }
}
