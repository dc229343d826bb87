package th.tambon.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * events-service as the importer meets it behind the gateway, in memory, for {@link StandInGateway#fallback}: its
 * replica of ESAs and schools (which may learn of one only after a few reads, or never), and activities with their
 * routes as the API describes them: draft (409 on a second ref), list by ESA and ref, read (ETag = version), change
 * details while the state allows, move (the same state machine; PLANNED with funding is FUNDING_REQUESTED until
 * budget-service answers), participation (once HELD or REPORTED; moves the version) and certificates (409 when the
 * school has one). If-Match is honoured where it is given. budget-service answers a funding request as the test says,
 * seen by the next read of the activity; with {@link #sagas} the stand-in budget-service learns of each answer, each
 * reported cost and each cancellation, as budget.v1 and events.v1 would tell it.
 */
public final class EventsStandIn implements StandInGateway.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("SCHOOL_DIRECTOR", "TEACHER", "SUPERVISOR", "STAFF", "STUDENT",
            "COMMITTEE", "OTHER");
    private static final List<String> DETAILS = List.of("type", "titleTh", "tracks", "venueSchool", "venue",
            "organiser", "chair", "chairTitle", "start", "end", "agenda", "funding");

    /** How budget-service answers a funding request. */
    public enum Budget { SILENT, FUNDS, REFUSES }

    private final Map<String, ObjectNode> activities = new ConcurrentHashMap<>();
    private final Map<String, List<String>> certificates = new ConcurrentHashMap<>();
    /** Schools whose certificate was revoked ({@code <activity id>/<school>}): still one, so another is a 409. */
    private final java.util.Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> unknownFor = new ConcurrentHashMap<>();
    private final Set<String> neverKnown = ConcurrentHashMap.newKeySet();
    private volatile Budget budget = Budget.SILENT;
    private volatile BudgetStandIn sagas;

    public EventsStandIn budget(Budget answer) {
        this.budget = answer;
        return this;
    }

    /** Tells {@code budgetService} of each funding answer, reported cost and cancellation (its funding sagas). */
    public EventsStandIn sagas(BudgetStandIn budgetService) {
        this.sagas = budgetService;
        return this;
    }

    /** The replica answers 404 for {@code reference} ("schools/31040001", "esas/P31-4") this many times first. */
    public EventsStandIn replicaLearnsLate(String reference, int notFoundTimes) {
        unknownFor.put(reference, new AtomicInteger(notFoundTimes));
        return this;
    }

    public EventsStandIn replicaNeverKnows(String reference) {
        neverKnown.add(reference);
        return this;
    }

    /**
     * An activity the registry already holds: the file's {@code activity} drafted, in {@code state}, with the file's
     * participation and certificates when it took place and its actual cost when reported.
     */
    public ObjectNode holding(JsonNode activity, String state) {
        ObjectNode view = JSON.createObjectNode().put("id", UUID.randomUUID().toString());
        view.set("esa", activity.get("esa"));
        view.set("ref", activity.get("ref"));
        for (String field : DETAILS) {
            if (activity.hasNonNull(field)) {
                view.set(field, field.equals("funding") ? funding(activity.get(field)) : activity.get(field));
            }
        }
        if (!view.has("venue") && !view.has("venueSchool")) {
            view.put("venue", "ห้องประชุมของเขต");
        }
        view.put("state", state).put("version", 7);
        if (state.equals("REPORTED") && activity.hasNonNull("actualCost")) {
            view.put("actualCost", new BigDecimal(activity.get("actualCost").asText()));
        }
        if (state.equals("HELD") || state.equals("REPORTED")) {
            JsonNode participation = activity.path("participation");
            ObjectNode recorded = participation(participation.path("byRole"), participation.get("total"), null);
            view.set("participation", recorded);
            List<String> schools = new ArrayList<>();
            activity.path("certificates").forEach(c -> schools.add(c.path("school").asText()));
            certificates.put(view.get("id").asText(), schools);
        }
        activities.put(view.get("id").asText(), view);
        BudgetStandIn budgetService = sagas;
        if (budgetService != null && view.hasNonNull("funding")
                && Set.of("FUNDED", "HELD", "REPORTED", "CLOSED").contains(state)) {
            budgetService.committed(view.get("id").asText(), view.get("esa").asText(), estimate(view));
            if (state.equals("REPORTED") || state.equals("CLOSED")) {
                budgetService.reported(view.get("id").asText(), view.path("actualCost").decimalValue());
            }
        }
        return view;
    }

    /** The activity with this key as events-service now holds it (its full view), or null. */
    public ObjectNode activity(String esa, String ref) {
        return activities.values().stream().filter(a -> a.path("esa").asText().equals(esa)
                && a.path("ref").asText().equals(ref)).findFirst().map(this::full).orElse(null);
    }

    /** The schools awarded a certificate at that activity. */
    public List<String> certificates(String esa, String ref) {
        ObjectNode activity = activity(esa, ref);
        return activity == null ? List.of() : List.copyOf(certificates.getOrDefault(activity.get("id").asText(),
                List.of()));
    }

    @Override
    public synchronized StandInGateway.Answer answer(StandInGateway.Request request) throws Exception {
        String path = request.path();
        if (path.startsWith("/api/v1/events/replicas/")) {
            return replica(path.substring("/api/v1/events/replicas/".length()));
        }
        if (!path.startsWith("/api/v1/activities")) {
            return null;
        }
        if (path.equals("/api/v1/activities")) {
            return request.method().equals("GET") ? list(query(request.line())) : draft(JSON.readTree(request.body()));
        }
        String[] parts = path.substring("/api/v1/activities/".length()).split("/");
        ObjectNode activity = activities.get(parts[0]);
        if (activity == null) {
            return problem(404, "No activity " + parts[0]);
        }
        String sub = parts.length > 1 ? parts[1] : "";
        if (request.method().equals("GET")) {
            answerFunding(activity);
            return sub.equals("certificates") ? ok(JSON.valueToTree(awarded(activity)), null)
                    : ok(full(activity), activity.get("version").asLong());
        }
        if (request.ifMatch() != null && !request.ifMatch().equals("\"" + activity.get("version").asLong() + "\"")) {
            return problem(412, "The activity is at version " + activity.get("version").asLong());
        }
        JsonNode body = JSON.readTree(request.body());
        return switch (request.method() + " " + sub) {
            case "PUT " -> revise(activity, body);
            case "POST transitions" -> move(activity, body);
            case "PUT participation" -> participate(activity, body);
            case "POST certificates" -> award(activity, body.path("school").asText());
            default -> null;
        };
    }

    private StandInGateway.Answer replica(String reference) {
        AtomicInteger left = unknownFor.get(reference);
        if (neverKnown.contains(reference) || (left != null && left.getAndDecrement() > 0)) {
            return problem(404, "Not in the replica: " + reference);
        }
        return ok(JSON.createObjectNode().put("code", reference.substring(reference.indexOf('/') + 1)), null);
    }

    private StandInGateway.Answer list(Map<String, String> query) {
        ArrayNode items = JSON.createArrayNode();
        activities.values().stream()
                .filter(a -> !query.containsKey("esa") || a.path("esa").asText().equals(query.get("esa")))
                .filter(a -> !query.containsKey("ref") || a.path("ref").asText().equals(query.get("ref")))
                .sorted((a, b) -> a.path("ref").asText().compareTo(b.path("ref").asText()))
                .forEach(a -> {
                    answerFunding(a);
                    ObjectNode listed = a.deepCopy();
                    listed.remove("participation"); // lists carry neither participation nor history
                    items.add(listed);
                });
        ObjectNode page = JSON.createObjectNode();
        page.set("items", items);
        page.put("page", 0).put("size", 500).put("totalItems", items.size()).put("totalPages", 1);
        return ok(page, null);
    }

    private StandInGateway.Answer draft(JsonNode body) {
        String esa = body.path("esa").asText();
        String ref = body.path("ref").asText();
        if (activity(esa, ref) != null) {
            return problem(409, esa + " already has an activity with ref " + ref);
        }
        if (neverKnown.contains("esas/" + esa)
                || unknownFor.getOrDefault("esas/" + esa, new AtomicInteger()).get() > 0) {
            return problem(404, "No ESA " + esa + " is known to events-service");
        }
        String venueSchool = body.path("venueSchool").asText(null);
        if (venueSchool != null && (neverKnown.contains("schools/" + venueSchool)
                || unknownFor.getOrDefault("schools/" + venueSchool, new AtomicInteger()).get() > 0)) {
            return problem(422, "venueSchool: No school with SMIS code " + venueSchool + " is known to events-service");
        }
        if (!body.hasNonNull("venue") && venueSchool == null) {
            return problem(422, "venue: say where it is held: a venueSchool, a venue, or both");
        }
        ObjectNode view = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("esa", esa)
                .put("ref", ref);
        details(view, body);
        view.put("state", "DRAFT").put("version", 1);
        activities.put(view.get("id").asText(), view);
        return new StandInGateway.Answer(201, full(view).toString(), Map.of("ETag", "\"1\""));
    }

    private StandInGateway.Answer revise(ObjectNode activity, JsonNode body) {
        String state = activity.get("state").asText();
        if (!Set.of("DRAFT", "PLANNED", "FUNDED", "FUNDING_REJECTED").contains(state)) {
            return problem(409, "state: an activity that is " + state + " cannot be changed");
        }
        ObjectNode changed = activity.deepCopy();
        details(changed, body);
        if (!changed.path("funding").equals(activity.path("funding")) && !Set.of("DRAFT", "FUNDING_REJECTED")
                .contains(state)) {
            return problem(409, "funding: the funding of an activity that is " + state + " cannot be changed");
        }
        if (!changed.equals(activity)) {
            details(activity, body);
            bump(activity);
        }
        return ok(full(activity), activity.get("version").asLong());
    }

    private StandInGateway.Answer move(ObjectNode activity, JsonNode body) {
        String state = activity.get("state").asText();
        String to = body.path("to").asText();
        Map<String, Set<String>> next = Map.of("DRAFT", Set.of("PLANNED", "CANCELLED"),
                "PLANNED", Set.of("HELD", "CANCELLED"), "FUNDED", Set.of("HELD", "CANCELLED"),
                "FUNDING_REQUESTED", Set.of("CANCELLED"), "FUNDING_REJECTED", Set.of("DRAFT", "CANCELLED"),
                "HELD", Set.of("REPORTED"), "REPORTED", Set.of("CLOSED"));
        if (!next.getOrDefault(state, Set.of()).contains(to)) {
            return problem(409, "state: an activity that is " + state + " cannot become " + to);
        }
        if (to.equals("CANCELLED") && body.path("reason").asText("").isBlank()) {
            return problem(422, "reason: a cancellation needs its reason");
        }
        if (to.equals("REPORTED") && activity.path("fundsCommitted").asBoolean() && !body.hasNonNull("actualCost")) {
            return problem(422, "actualCost: a funded activity is reported with what it actually cost");
        }
        activity.put("state", to.equals("PLANNED") && activity.hasNonNull("funding") ? "FUNDING_REQUESTED" : to);
        if (to.equals("CANCELLED")) {
            activity.put("reason", body.get("reason").asText());
        }
        if (to.equals("REPORTED") && body.hasNonNull("actualCost")) {
            activity.put("actualCost", new BigDecimal(body.get("actualCost").asText()));
        }
        BudgetStandIn budgetService = sagas;
        if (budgetService != null && activity.hasNonNull("funding")) {
            if (to.equals("REPORTED")) {
                budgetService.reported(activity.get("id").asText(), activity.path("actualCost").decimalValue());
            } else if (to.equals("CANCELLED")) {
                budgetService.released(activity.get("id").asText());
            }
        }
        bump(activity);
        return ok(full(activity), activity.get("version").asLong());
    }

    private StandInGateway.Answer participate(ObjectNode activity, JsonNode body) {
        String state = activity.get("state").asText();
        if (!state.equals("HELD") && !state.equals("REPORTED")) {
            return problem(409, "state: participation is recorded once the activity is HELD or REPORTED, not " + state);
        }
        ObjectNode recorded = participation(body.path("byRole"), body.get("total"), body.get("schools"));
        activity.set("participation", recorded);
        bump(activity);
        return ok(recorded, activity.get("version").asLong());
    }

    private StandInGateway.Answer award(ObjectNode activity, String school) {
        List<String> awarded = certificates.computeIfAbsent(activity.get("id").asText(), id -> new ArrayList<>());
        if (awarded.contains(school)) {
            return problem(409, "school " + school + " already has a certificate of this activity");
        }
        awarded.add(school);
        ObjectNode certificate = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("school", school)
                .put("number", awarded.size());
        return new StandInGateway.Answer(201, certificate.toString(), Map.of());
    }

    private List<Map<String, Object>> awarded(ObjectNode activity) {
        List<Map<String, Object>> list = new ArrayList<>();
        String id = activity.get("id").asText();
        List<String> schools = certificates.getOrDefault(id, List.of());
        for (int i = 0; i < schools.size(); i++) {
            list.add(revoked.contains(id + "/" + schools.get(i))
                    ? Map.of("school", schools.get(i), "number", i + 1, "revokedAt", "2020-10-01T03:00:00Z")
                    : Map.of("school", schools.get(i), "number", i + 1));
        }
        return list;
    }

    /** The school's certificate at the activity held as revoked (it still counts as its one certificate there). */
    public void revoke(ObjectNode activity, String school) {
        revoked.add(activity.get("id").asText() + "/" + school);
    }

    /** budget-service's answer to a pending request, as the next read sees it. */
    private void answerFunding(ObjectNode activity) {
        if (!activity.path("state").asText().equals("FUNDING_REQUESTED") || budget == Budget.SILENT) {
            return;
        }
        if (budget == Budget.FUNDS) {
            activity.put("state", "FUNDED").put("fundsCommitted", true);
        } else {
            activity.put("state", "FUNDING_REJECTED").put("reason", "รายการที่ 1 มียอดคงเหลือไม่พอ");
        }
        BudgetStandIn budgetService = sagas;
        if (budgetService != null) {
            String id = activity.get("id").asText();
            if (budget == Budget.FUNDS) {
                budgetService.committed(id, activity.get("esa").asText(), estimate(activity));
            } else {
                budgetService.rejected(id, activity.get("esa").asText(), estimate(activity));
            }
        }
        bump(activity);
    }

    private static BigDecimal estimate(JsonNode activity) {
        return new BigDecimal(activity.path("funding").path("estimate").asText());
    }

    private static ObjectNode participation(JsonNode byRole, JsonNode total, JsonNode schools) {
        ObjectNode recorded = JSON.createObjectNode();
        ObjectNode roles = recorded.putObject("byRole");
        int sum = 0;
        for (String role : ROLES) {
            roles.put(role, byRole.path(role).asInt(0));
            sum += byRole.path(role).asInt(0);
        }
        recorded.put("total", total != null && !total.isNull() ? total.asInt() : sum);
        recorded.set("schools", schools != null && schools.isArray() ? schools : JSON.createArrayNode());
        return recorded;
    }

    private static void details(ObjectNode view, JsonNode body) {
        for (String field : DETAILS) {
            if (body.hasNonNull(field)) {
                view.set(field, field.equals("funding") ? funding(body.get(field)) : body.get(field));
            } else {
                view.remove(field);
            }
        }
    }

    /** Funding as the service answers it: the estimate a JSON number with two decimals. */
    private static ObjectNode funding(JsonNode funding) {
        ObjectNode copy = funding.deepCopy();
        copy.put("estimate", new BigDecimal(funding.path("estimate").asText()).setScale(2));
        return copy;
    }

    private ObjectNode full(ObjectNode activity) {
        ObjectNode view = activity.deepCopy();
        view.putArray("history");
        return view;
    }

    private static void bump(ObjectNode activity) {
        activity.put("version", activity.get("version").asLong() + 1);
    }

    private static Map<String, String> query(String line) {
        Map<String, String> query = new HashMap<>();
        int at = line.indexOf('?');
        if (at >= 0) {
            for (String pair : line.substring(at + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static StandInGateway.Answer ok(JsonNode body, Long version) {
        return new StandInGateway.Answer(200, body.toString(), version == null ? Map.of()
                : Map.of("ETag", "\"" + version + "\""));
    }

    private static StandInGateway.Answer problem(int status, String detail) {
        return new StandInGateway.Answer(status, JSON.createObjectNode().put("status", status).put("detail", detail)
                .toString());
    }
}
