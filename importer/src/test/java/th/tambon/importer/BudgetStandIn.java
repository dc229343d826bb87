package th.tambon.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * budget-service as the importer meets it behind the gateway, in memory, for {@link StandInGateway#fallback}: its
 * replica of ESAs (which may learn of one only after a few reads), allocation rounds recorded by PUT as the API
 * describes it (201, 200 for the same figures, 409 for other ones, 404 while the replica does not know the ESA) and
 * read by GET, and each activity's funding saga ({@code GET /api/v1/funding-sagas/{id}}) as {@link EventsStandIn}'s
 * activities move it: committed or rejected, the reported cost spent (or refused, or not yet), released on cancel.
 */
public final class BudgetStandIn implements StandInGateway.Handler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUNDS = "/api/v1/fiscal-years/";
    private static final String SAGAS = "/api/v1/funding-sagas/";
    private static final String REPLICA = "/api/v1/budget/replicas/";

    /** What budget-service does with an activity's reported cost. */
    public enum Spending { SPENDS, SILENT, REFUSES }

    private final Map<String, ObjectNode> rounds = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> sagas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unknownFor = new ConcurrentHashMap<>();
    /** Sagas whose reported cost is spent only after this many more reads. */
    private final Map<String, AtomicInteger> spendingLate = new ConcurrentHashMap<>();
    private final Set<String> neverKnown = ConcurrentHashMap.newKeySet();
    private volatile Spending spending = Spending.SPENDS;
    private volatile int readsBeforeSpending;

    public BudgetStandIn spending(Spending what) {
        this.spending = what;
        return this;
    }

    /** A reported cost is spent only after the saga was read this many times since. */
    public BudgetStandIn spendsAfterReads(int reads) {
        this.readsBeforeSpending = reads;
        return this;
    }

    /** The replica answers 404 for {@code reference} ("esas/P51-1") this many times first. */
    public BudgetStandIn replicaLearnsLate(String reference, int notFoundTimes) {
        unknownFor.put(reference, new AtomicInteger(notFoundTimes));
        return this;
    }

    public BudgetStandIn replicaNeverKnows(String reference) {
        neverKnown.add(reference);
        return this;
    }

    /** A round the registry holds already: the file's {@code round} as recorded. */
    public ObjectNode holding(JsonNode round) {
        ObjectNode view = view(round.path("esa").asText(), round.path("fiscalYear").asInt(), round.path("round").asInt(),
                round);
        rounds.put(key(round.path("esa").asText(), round.path("fiscalYear").asInt(), round.path("round").asInt()), view);
        return view;
    }

    /** The round as budget-service holds it, or null. */
    public JsonNode round(String esa, int fiscalYear, int round) {
        return rounds.get(key(esa, fiscalYear, round));
    }

    /** The activity's saga as budget-service holds it, or null. */
    public JsonNode saga(String activity) {
        return sagas.get(activity);
    }

    // the saga's steps, as events-service's messages would bring them

    public synchronized void committed(String activity, String esa, BigDecimal amount) {
        saga(activity, esa, "COMMITTED").set("steps", steps(step("REQUESTED", amount, null, null),
                step("COMMITTED", amount, null, null)));
    }

    public synchronized void rejected(String activity, String esa, BigDecimal amount) {
        saga(activity, esa, "REJECTED").set("steps", steps(step("REQUESTED", amount, null, null),
                step("REJECTED", amount, "INSUFFICIENT_BALANCE", "รายการที่ 1 มียอดคงเหลือไม่พอ")));
    }

    public synchronized void reported(String activity, BigDecimal cost) {
        ObjectNode saga = sagas.get(activity);
        if (saga == null || spending == Spending.SILENT) {
            return;
        }
        if (spending == Spending.REFUSES) {
            saga.put("state", "SPENDING_REFUSED");
            ((ArrayNode) saga.get("steps")).add(step("SPENDING_REFUSED", cost, "INSUFFICIENT_BALANCE",
                    "งบประมาณคงเหลือไม่พอ: the cost is more than the commitment and what the line has left; make "
                            + "room with a transfer and report the cost again"));
        } else if (readsBeforeSpending > 0) {
            spendingLate.put(activity, new AtomicInteger(readsBeforeSpending));
            saga.put("cost", cost);
        } else {
            spend(saga, cost);
        }
    }

    public synchronized void released(String activity) {
        ObjectNode saga = sagas.get(activity);
        if (saga != null && saga.path("state").asText().equals("COMMITTED")) {
            saga.put("state", "RELEASED");
            ((ArrayNode) saga.get("steps")).add(step("RELEASED", null, null, "ยกเลิกตามแผนนำเข้า"));
        }
    }

    @Override
    public synchronized StandInGateway.Answer answer(StandInGateway.Request request) throws Exception {
        String path = request.path();
        if (path.startsWith(REPLICA)) {
            return replica(path.substring(REPLICA.length()));
        }
        if (path.startsWith(SAGAS) && request.method().equals("GET")) {
            String activity = path.substring(SAGAS.length());
            ObjectNode saga = sagas.get(activity);
            AtomicInteger late = spendingLate.get(activity);
            if (saga != null && late != null && late.decrementAndGet() < 0) {
                spendingLate.remove(activity);
                spend(saga, saga.get("cost").decimalValue());
            }
            return saga == null ? problem(404, "budget-service has no funding saga of activity " + activity)
                    : ok(saga);
        }
        if (!path.startsWith(ROUNDS)) {
            return null;
        }
        // /api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}
        String[] parts = path.substring(ROUNDS.length()).split("/");
        int year = Integer.parseInt(parts[0]);
        String esa = parts[2];
        int number = Integer.parseInt(parts[4]);
        ObjectNode held = rounds.get(key(esa, year, number));
        if (request.method().equals("GET")) {
            return held == null ? problem(404, "No round " + number + " of " + esa + " in fiscal year " + year)
                    : ok(held);
        }
        if (!known("esas/" + esa)) {
            return problem(404, "No ESA " + esa + " is known to budget-service");
        }
        ObjectNode wanted = view(esa, year, number, JSON.readTree(request.body()));
        if (held == null) {
            rounds.put(key(esa, year, number), wanted);
            return new StandInGateway.Answer(201, wanted.toString());
        }
        return sameFigures(held, wanted) ? ok(held) : problem(409, "round " + number + " of " + esa
                + " in fiscal year " + year + " is recorded already with other figures; a round changes only by a "
                + "revision");
    }

    private StandInGateway.Answer replica(String reference) {
        return known(reference) ? ok(JSON.createObjectNode().put("code", reference.substring(reference.indexOf('/') + 1)))
                : problem(404, "Not in the replica: " + reference);
    }

    /** Whether the replica knows {@code reference} now (each call counts down one that it learns late). */
    private boolean known(String reference) {
        AtomicInteger left = unknownFor.get(reference);
        return !neverKnown.contains(reference) && (left == null || left.getAndDecrement() <= 0);
    }

    private static void spend(ObjectNode saga, BigDecimal cost) {
        saga.put("state", "SPENT");
        ((ArrayNode) saga.get("steps")).add(step("SPENT", cost, null, null));
    }

    private ObjectNode saga(String activity, String esa, String state) {
        ObjectNode saga = JSON.createObjectNode().put("activity", activity).put("esa", esa).put("request", 1)
                .put("state", state).put("version", 1);
        sagas.put(activity, saga);
        return saga;
    }

    private static ArrayNode steps(ObjectNode... steps) {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode step : steps) {
            list.add(step);
        }
        return list;
    }

    private static ObjectNode step(String step, BigDecimal amount, String reason, String message) {
        ObjectNode node = JSON.createObjectNode().put("request", 1).put("step", step).put("amount", amount)
                .put("reason", reason).put("message", message).put("at", "2020-09-28T10:00:00Z");
        return node;
    }

    /** A round as budget-service shows it: amounts as JSON numbers with two decimals, balances untouched. */
    private static ObjectNode view(String esa, int year, int number, JsonNode body) {
        ObjectNode view = JSON.createObjectNode().put("esa", esa).put("fiscalYear", year).put("round", number);
        view.put("receivedOn", body.path("receivedOn").asText(null)).put("documentRef", body.path("documentRef")
                .asText(null));
        BigDecimal amount = baht(body.get("amount"));
        view.put("originalAmount", amount).put("amount", amount).put("allocated", amount)
                .put("committed", BigDecimal.ZERO.setScale(2)).put("spent", BigDecimal.ZERO.setScale(2))
                .put("remaining", amount);
        ArrayNode lines = view.putArray("lines");
        for (JsonNode line : body.path("lines")) {
            BigDecimal lineAmount = baht(line.get("amount"));
            lines.addObject().put("line", line.path("line").asInt()).put("category", line.path("category").asText())
                    .put("purposeTh", line.path("purposeTh").asText()).put("originalAmount", lineAmount)
                    .put("amount", lineAmount).put("allocated", lineAmount)
                    .put("committed", BigDecimal.ZERO.setScale(2)).put("spent", BigDecimal.ZERO.setScale(2))
                    .put("remaining", lineAmount);
        }
        return view;
    }

    private static boolean sameFigures(JsonNode held, JsonNode wanted) {
        if (held.get("originalAmount").decimalValue().compareTo(wanted.get("originalAmount").decimalValue()) != 0
                || !held.path("receivedOn").equals(wanted.path("receivedOn"))
                || !held.path("documentRef").equals(wanted.path("documentRef"))
                || held.get("lines").size() != wanted.get("lines").size()) {
            return false;
        }
        for (int i = 0; i < held.get("lines").size(); i++) {
            JsonNode a = held.get("lines").get(i);
            JsonNode b = wanted.get("lines").get(i);
            if (a.path("line").asInt() != b.path("line").asInt() || !a.path("category").equals(b.path("category"))
                    || !a.path("purposeTh").equals(b.path("purposeTh"))
                    || a.get("originalAmount").decimalValue().compareTo(b.get("originalAmount").decimalValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal baht(JsonNode value) {
        return new BigDecimal(value.asText()).setScale(2);
    }

    private static String key(String esa, int year, int round) {
        return esa + "/" + year + "/" + round;
    }

    private static StandInGateway.Answer ok(JsonNode body) {
        return new StandInGateway.Answer(200, body.toString());
    }

    private static StandInGateway.Answer problem(int status, String detail) {
        return new StandInGateway.Answer(status, JSON.createObjectNode().put("status", status).put("detail", detail)
                .toString());
    }
}
