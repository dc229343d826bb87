package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loading one activity of the file: drafted when events-service has none with its ref, its details brought to the
 * file's (PUT with If-Match) while its state allows, then moved one step at a time towards the file's {@code outcome}
 * from wherever it is: planned (with funding, FUNDING_REQUESTED until budget-service answers, which it waits a while
 * for), held, its participation recorded and missing certificates awarded, reported with its actual cost (with funding,
 * until budget-service has spent it: its funding saga SPENT), or cancelled (with funding, until budget-service has
 * released what it committed). Each step is decided from the activity as last read, so a second import of the same file writes nothing,
 * and one cut short goes on from where it stopped; a move refused because the activity changed meanwhile (409, 412) is
 * decided again from a fresh read. Not thread-safe: one per item and run.
 */
final class ActivityLoad {
    static final String CANCELLED_BY_IMPORT = "ยกเลิกตามแผนนำเข้า";
    private static final Set<String> EDITABLE = Set.of("DRAFT", "PLANNED", "FUNDED", "FUNDING_REJECTED");
    private static final Set<String> FUNDING_EDITABLE = Set.of("DRAFT", "FUNDING_REJECTED");
    private static final int MOST_CONFLICTS = 3;
    private static final int MOST_STEPS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration NOTE_EVERY = Duration.ofSeconds(10);
    /** What a poll's check answers while what it waits for has not happened yet. */
    private static final Result NOT_YET = new Result(Outcome.WAITING, "not yet", null);

    private final JsonNode file;
    private final String office;
    private final String outcome;
    private final Gateway gateway;
    private final boolean dryRun;
    private final Progress.Bar bar;
    private final Replica replica;
    private final Patience patience;
    /** The activity as last read or answered; a list's view lacks its participation ({@link #full} says). */
    private JsonNode current;
    private boolean full;
    private boolean created;
    private boolean wrote;
    private boolean detailsRevised;
    private boolean fundingRevised;
    private boolean settled;
    private int conflicts;

    /** {@code office} is where the activity is held when the file names no place: its ESA's office. */
    ActivityLoad(Item item, JsonNode listed, String office, Gateway gateway, boolean dryRun, Progress.Bar bar,
                 Replica replica, Patience patience) {
        this.file = item.node();
        this.office = office;
        this.outcome = file.path("outcome").asText();
        this.current = listed;
        this.gateway = gateway;
        this.dryRun = dryRun;
        this.bar = bar;
        this.replica = replica;
        this.patience = patience;
    }

    Result load() {
        if (current == null) {
            if (dryRun) {
                return Result.CREATED;
            }
            Result refused = draft();
            if (refused != null) {
                return refused;
            }
        }
        for (int step = 0; step < MOST_STEPS; step++) {
            Result result = next();
            if (result != null) {
                return result;
            }
        }
        return failed("did not reach " + outcome + " in " + MOST_STEPS + " steps; the registry has it " + state());
    }

    /** Null once drafted (or found drafted by someone else meanwhile), else why not. */
    private Result draft() {
        List<String> references = new ArrayList<>();
        references.add(Replica.esa(file.path("esa").asText()));
        if (file.hasNonNull("venueSchool")) {
            references.add(Replica.school(file.get("venueSchool").asText()));
        }
        Result unknown = replica.await(gateway, references, patience, bar);
        if (unknown != null) {
            return unknown;
        }
        ObjectNode body = ActivityBody.create(file);
        if (!body.has("venueSchool") && !body.has("venue") && office != null) {
            body.put("venue", office);
        }
        Reply drafted = gateway.post("/api/v1/activities", body);
        if (drafted.ok() && drafted.body() != null) {
            current = drafted.body();
            full = true;
            created = true;
            return null;
        }
        if (drafted.status() == 409) { // drafted meanwhile, or an earlier try's answer was lost
            String path = "/api/v1/activities?esa=" + encode(file.path("esa").asText()) + "&ref="
                    + encode(file.path("ref").asText());
            Reply found = gateway.get(path);
            if (found.ok() && found.body() != null && !found.body().path("items").isEmpty()) {
                current = found.body().path("items").get(0);
                return null;
            }
        }
        return Result.failed(drafted.status() + " " + drafted.problem());
    }

    /** One step towards the file's activity: a result when there is no more to do, null after a write or a re-read. */
    private Result next() {
        List<String> differences = ActivityBody.differences(file, current);
        if (!differences.isEmpty()) {
            return revise(differences);
        }
        String state = state();
        return switch (state) {
            // a draft that is to be cancelled is cancelled as it is: planning it first would ask for its funding
            case "DRAFT" -> outcome.equals("CANCELLED") ? cancel() : move("PLANNED", null);
            case "PLANNED" -> switch (outcome) {
                case "PLANNED" -> done();
                case "CANCELLED" -> cancel();
                case "HELD", "REPORTED" -> move("HELD", null);
                default -> failed("the registry has it PLANNED without funding; the file's outcome is " + outcome);
            };
            case "FUNDING_REQUESTED" -> outcome.equals("CANCELLED") ? cancel() : awaitBudget();
            case "FUNDED" -> switch (outcome) {
                case "PLANNED" -> done();
                case "CANCELLED" -> cancel();
                case "HELD", "REPORTED" -> move("HELD", null);
                default -> failed("budget-service committed its funding; the file expects it refused (outcome "
                        + outcome + ")");
            };
            case "FUNDING_REJECTED" -> switch (outcome) {
                case "FUNDING_REJECTED" -> done();
                case "CANCELLED" -> cancel();
                default -> fundingRevised ? move("DRAFT", null) // asked again on the line the file now names
                        : failed("budget-service refused its funding: " + current.path("reason").asText("(no reason)")
                        + "; the file's outcome is " + outcome);
            };
            case "HELD" -> switch (outcome) {
                case "HELD" -> settled ? done() : settle();
                case "REPORTED" -> settled ? report() : settle();
                default -> past();
            };
            case "REPORTED" -> outcome.equals("REPORTED") ? (settled ? reported() : settle()) : past();
            case "CLOSED" -> outcome.equals("REPORTED") ? closed() : past();
            case "CANCELLED" -> outcome.equals("CANCELLED") ? released()
                    : failed("the registry has it CANCELLED (" + current.path("reason").asText("no reason")
                    + "); the file's outcome " + outcome + " cannot be reached");
            default -> failed("the registry has it " + state + ", a state this importer does not know");
        };
    }

    private Result revise(List<String> differences) {
        String state = state();
        boolean funding = ActivityBody.fundingAmong(differences);
        if (detailsRevised) {
            return failed("after its update the registry still differs: " + String.join("; ", differences));
        }
        if (!EDITABLE.contains(state) || (funding && !FUNDING_EDITABLE.contains(state))) {
            return failed(String.join("; ", differences) + "; " + (EDITABLE.contains(state)
                    ? "the funding of an activity that is " + state + " cannot be changed"
                    : "an activity that is " + state + " cannot be changed"));
        }
        if (dryRun) {
            return wouldWrite();
        }
        if (file.hasNonNull("venueSchool") && !file.get("venueSchool").asText().equals(current.path("venueSchool")
                .asText())) {
            Result unknown = replica.await(gateway, List.of(Replica.school(file.get("venueSchool").asText())),
                    patience, bar);
            if (unknown != null) {
                return failed(unknown.reason());
            }
        }
        Reply revised = gateway.put(path(), ActivityBody.update(file, current), version());
        Result result = afterWrite(revised, "changing its details");
        if (result == null && revised.ok()) {
            detailsRevised = true;
            fundingRevised |= funding;
        }
        return result;
    }

    private Result cancel() {
        String reason = file.hasNonNull("reason") && !file.get("reason").asText().isBlank()
                ? file.get("reason").asText().strip() : CANCELLED_BY_IMPORT;
        return move("CANCELLED", body -> body.put("reason", reason));
    }

    private Result report() {
        String cost = ActivityBody.bahtText(file.get("actualCost"));
        return move("REPORTED", cost == null ? null : body -> body.put("actualCost", cost));
    }

    private Result move(String to, Consumer<ObjectNode> more) {
        if (dryRun) {
            return wouldWrite();
        }
        ObjectNode body = NODES.objectNode().put("to", to);
        if (more != null) {
            more.accept(body);
        }
        return afterWrite(gateway.post(path() + "/transitions", body, version()), "moving it to " + to);
    }

    /**
     * Polls the activity for budget-service's answer for {@link Patience#budget()}: null as soon as it answered (the
     * next step goes on from FUNDED or FUNDING_REJECTED), else the item waits for budget.
     */
    private Result awaitBudget() {
        Result answered = poll("budget-service to answer the funding request of " + key(), false, () -> {
            Result gone = reread();
            if (gone != null) {
                return gone;
            }
            return state().equals("FUNDING_REQUESTED") ? NOT_YET : null;
        });
        if (answered != NOT_YET) {
            return answered;
        }
        return Result.waiting((created ? "created; " : "") + "waiting for budget: budget-service has not yet answered "
                + "its request for " + estimate() + " baht (" + line() + "); import again later to take it on to "
                + outcome);
    }

    /**
     * REPORTED with funding: done once budget-service has turned its commitment into an expenditure of the actual cost
     * (its funding saga SPENT); failed with budget-service's reason when it refused to (SPENDING_REFUSED: the line has
     * too little left for a cost above the estimate, the day lies outside the line's fiscal year…); waiting for budget
     * when it has not yet after {@link Patience#budget()}.
     */
    private Result spent() {
        if (!current.hasNonNull("funding")) {
            return done();
        }
        Result spent = poll("budget-service to record the actual cost of " + key() + " as spent", true,
                () -> saga(NOT_YET, saga -> {
                    if (saga.path("state").asText().equals("SPENT")) {
                        return null;
                    }
                    JsonNode refusal = refusal(saga);
                    return refusal == null ? NOT_YET : failed("budget-service refused to spend its actual cost of "
                            + ActivityBody.bahtText(refusal.get("amount")) + " baht ("
                            + refusal.path("reason").asText("no reason") + "): " + refusal.path("message")
                            .asText("no message") + " (" + line() + ")");
                }));
        if (spent == null) {
            return done();
        }
        return spent != NOT_YET ? spent : Result.waiting((created ? "created; " : wrote ? "reported; " : "") + "waiting for "
                + "budget: budget-service has not yet recorded its actual cost of "
                + ActivityBody.bahtText(current.get("actualCost")) + " baht as spent (" + line() + "); import again "
                + "later to see it spent");
    }

    /**
     * CANCELLED with funding: done once budget-service holds nothing for it any more (its saga RELEASED, or none: the
     * funding was never asked for or never committed); waiting for budget while it still holds the commitment after
     * {@link Patience#budget()}.
     */
    private Result released() {
        if (!current.hasNonNull("funding")) {
            return done();
        }
        Result released = poll("budget-service to release the money committed for " + key(), true,
                () -> saga(null, saga -> Set.of("COMMITTED", "SPENDING_REFUSED").contains(saga.path("state").asText())
                        ? NOT_YET : null));
        if (released == null) {
            return done();
        }
        return released != NOT_YET ? released : Result.waiting((created ? "created; " : wrote ? "cancelled; " : "")
                + "waiting for budget: budget-service has not yet released the " + estimate() + " baht committed for "
                + "it (" + line() + "); import again later to see it released");
    }

    /**
     * What {@code check} makes of the activity's funding saga in budget-service ({@code GET /api/v1/funding-sagas/{id}}),
     * {@code none} when budget-service has none for it; a failure when it answers anything else.
     */
    private Result saga(Result none, Function<JsonNode, Result> check) {
        String path = "/api/v1/funding-sagas/" + current.path("id").asText();
        Reply saga = gateway.get(path);
        if (saga.status() == 404) {
            return none;
        }
        if (!saga.ok() || saga.body() == null) {
            return failed("GET " + path + ": " + saga.status() + " " + saga.problem());
        }
        return check.apply(saga.body());
    }

    /** The saga's refusal to spend the activity's cost, when that is where it stands, else null. */
    private static JsonNode refusal(JsonNode saga) {
        JsonNode refused = null;
        JsonNode last = null;
        for (JsonNode step : saga.path("steps")) {
            last = step;
            if (step.path("step").asText().equals("SPENDING_REFUSED")) {
                refused = step;
            }
        }
        boolean refusing = saga.path("state").asText().equals("SPENDING_REFUSED") || (last != null && last == refused);
        return refusing ? refused : null;
    }

    /**
     * Asks {@code check} (right away when {@code checkNow}, else after the first pause) until it answers something else
     * than {@link #NOT_YET}, with pauses growing from {@link Patience#firstPause()}, for at most
     * {@link Patience#budget()}, saying on the progress bar what it waits for; {@link #NOT_YET} when time is up. A dry
     * run asks at most once and does not wait.
     */
    private Result poll(String what, boolean checkNow, Supplier<Result> check) {
        long started = System.nanoTime();
        long deadline = started + patience.budget().toNanos();
        Duration pause = patience.firstPause();
        long lastNote = 0;
        boolean noted = false;
        try {
            for (boolean first = true; ; first = false) {
                if (checkNow || !first) {
                    Result result = check.get();
                    if (result != NOT_YET) {
                        return result;
                    }
                }
                long now = System.nanoTime();
                if (dryRun || now >= deadline) {
                    return NOT_YET;
                }
                if (!noted || now - lastNote >= NOTE_EVERY.toNanos()) {
                    bar.note("waiting for " + what + " (" + Duration.ofNanos(now - started).toSeconds()
                            + " s of at most " + Replica.seconds(patience.budget()) + ")");
                    noted = true;
                    lastNote = now;
                }
                Replica.sleep(Duration.ofNanos(Math.min(pause.toNanos(), deadline - now)));
                pause = patience.after(pause);
            }
        } finally {
            if (noted) {
                bar.note(null);
            }
        }
    }

    /** Its participation recorded and its missing certificates awarded, once a run, when it took place. */
    private Result settle() {
        settled = true;
        Result participation = participation();
        return participation != null ? participation : certificates();
    }

    private Result participation() {
        JsonNode listed = file.path("participation");
        if (!recordsAnyone(listed)) {
            return null;
        }
        if (!full) {
            Result gone = reread();
            if (gone != null) {
                return gone;
            }
        }
        JsonNode held = current.get("participation");
        ObjectNode wanted = NODES.objectNode();
        ObjectNode byRole = wanted.putObject("byRole");
        int sum = 0;
        for (var roles = listed.path("byRole").fields(); roles.hasNext(); ) {
            var role = roles.next();
            byRole.put(role.getKey(), role.getValue().asInt());
            sum += role.getValue().asInt();
        }
        wanted.put("total", listed.hasNonNull("total") ? listed.get("total").asInt() : sum);
        if (held != null && held.path("schools").isArray() && !held.path("schools").isEmpty()) {
            wanted.set("schools", held.get("schools")); // the file does not list them: kept as recorded
        }
        if (sameParticipation(held, wanted)) {
            return null;
        }
        if (dryRun) {
            return wouldWrite();
        }
        Reply recorded = gateway.put(path() + "/participation", wanted, version());
        if (recorded.ok()) {
            wrote = true;
            if (recorded.version() != null && current instanceof ObjectNode activity) {
                activity.put("version", recorded.version()); // it moved the activity's version
            }
            return null;
        }
        settled = false;
        return afterWrite(recorded, "recording its participation");
    }

    private static boolean recordsAnyone(JsonNode participation) {
        boolean anyone = participation.path("total").asInt(0) > 0;
        for (JsonNode count : participation.path("byRole")) {
            anyone |= count.asInt(0) > 0;
        }
        return anyone;
    }

    /** The same counts in every role (a role left out counts 0) and the same total. */
    private static boolean sameParticipation(JsonNode held, JsonNode wanted) {
        if (held == null || held.isNull()) {
            return false;
        }
        Set<String> roles = new TreeSet<>();
        held.path("byRole").fieldNames().forEachRemaining(roles::add);
        wanted.path("byRole").fieldNames().forEachRemaining(roles::add);
        for (String role : roles) {
            if (held.path("byRole").path(role).asInt(0) != wanted.path("byRole").path(role).asInt(0)) {
                return false;
            }
        }
        return held.path("total").asInt(-1) == wanted.path("total").asInt();
    }

    private Result certificates() {
        Set<String> wanted = ActivitySection.certificateSchools(file);
        if (wanted.isEmpty()) {
            return null;
        }
        String path = path() + "/certificates";
        Reply list = gateway.get(path);
        if (!list.ok() || list.body() == null) {
            return failed("GET " + path + ": " + list.status() + " " + list.problem());
        }
        Set<String> held = new LinkedHashSet<>();
        Set<String> revoked = new LinkedHashSet<>();
        Consumer<JsonNode> holding = certificate -> {
            if (certificate.hasNonNull("school")) {
                (active(certificate) ? held : revoked).add(certificate.get("school").asText());
            }
        };
        if (list.body().isArray()) {
            list.body().forEach(holding);
        } else if (list.body().path("totalPages").asInt(1) > 1) {
            Pages.each(gateway, path, holding);
        } else {
            list.body().path("items").forEach(holding);
        }
        List<String> missing = wanted.stream().filter(school -> !held.contains(school)).toList();
        if (missing.isEmpty()) {
            return null;
        }
        // one certificate per school at an activity, revoked or not: a revoked one is not replaced by an import
        List<String> withdrawn = missing.stream().filter(revoked::contains).toList();
        if (!withdrawn.isEmpty()) {
            return failed("the certificate of " + String.join(", ", withdrawn) + " at this activity was revoked; "
                    + "the file lists it, and a revoked certificate is not awarded again");
        }
        if (dryRun) {
            return wouldWrite();
        }
        Result unknown = replica.await(gateway, missing.stream().map(Replica::school).toList(), patience, bar);
        if (unknown != null) {
            return failed(unknown.reason());
        }
        List<String> refused = new ArrayList<>();
        for (String school : missing) {
            Reply awarded = gateway.post(path, NODES.objectNode().put("school", school));
            if (awarded.ok()) {
                wrote = true;
            } else if (awarded.status() != 409) { // 409: it has one already (awarded meanwhile)
                refused.add(school + " (" + awarded.status() + " " + awarded.problem() + ")");
            }
        }
        return refused.isEmpty() ? null : failed("certificates refused: " + String.join("; ", refused));
    }

    /** A certificate that still stands (one revoked does not count as the school's). */
    private static boolean active(JsonNode certificate) {
        return !certificate.hasNonNull("revokedAt") && !certificate.path("revoked").asBoolean(false)
                && !"REVOKED".equals(certificate.path("state").asText()) && !"REVOKED".equals(certificate.path("status")
                .asText());
    }

    /** REPORTED: the file's actual cost is the registry's (a report is not changed), and spent when it was funded. */
    private Result reported() {
        BigDecimal wanted = ActivityBody.baht(file.get("actualCost"));
        BigDecimal held = ActivityBody.baht(current.get("actualCost"));
        if (wanted != null && !Objects.equals(wanted, held)) {
            return failed("actualCost is " + ActivityBody.bahtText(current.get("actualCost")) + " in the registry and "
                    + ActivityBody.bahtText(file.get("actualCost")) + " in the file; a report is not changed");
        }
        return spent();
    }

    private Result closed() {
        return created || wrote ? done() : Result.unchanged("the registry has it CLOSED, after the file's outcome "
                + "REPORTED: left as it is (its participation and certificates are no longer recorded)");
    }

    private Result past() {
        return failed("the registry has it " + state() + ", past the file's outcome " + outcome
                + "; the importer does not move an activity back");
    }

    /** After a write: null when it was made (the answer is the activity now), or decided again after a conflict. */
    private Result afterWrite(Reply reply, String what) {
        if (reply.ok()) {
            wrote = true;
            if (reply.body() != null && reply.body().has("state")) {
                current = reply.body();
                full = true;
            }
            return null;
        }
        if ((reply.status() == 409 || reply.status() == 412) && ++conflicts < MOST_CONFLICTS) {
            return reread(); // it changed meanwhile: decide again from what it is now
        }
        return failed(what + ": " + reply.status() + " " + reply.problem());
    }

    /** Reads the activity again (with its participation); null when it was read. */
    private Result reread() {
        Reply again = gateway.get(path());
        if (!again.ok() || again.body() == null) {
            return failed("GET " + path() + ": " + again.status() + " " + again.problem());
        }
        current = again.body();
        full = true;
        detailsRevised = false;
        return null;
    }

    private Result done() {
        return created ? Result.CREATED : wrote ? Result.UPDATED : Result.UNCHANGED;
    }

    private Result wouldWrite() {
        return Result.UPDATED;
    }

    private Result failed(String reason) {
        return Result.failed(created ? "created, then: " + reason : reason);
    }

    /** {@code P51-1/p51-1-symposium-2563-09-28}. */
    private String key() {
        return ActivitySection.key(file.path("esa").asText(), file.path("ref").asText());
    }

    /** The funding's estimate, "21700.00". */
    private String estimate() {
        return ActivityBody.bahtText(current.path("funding").get("estimate"));
    }

    /** The funding's line: "fiscal year 2563, round 2, line 1". */
    private String line() {
        JsonNode funding = current.path("funding");
        return "fiscal year " + funding.path("fiscalYear").asText() + ", round " + funding.path("round").asText()
                + ", line " + funding.path("line").asText();
    }

    private String state() {
        return current.path("state").asText();
    }

    private Long version() {
        return current.path("version").asLong();
    }

    private String path() {
        return "/api/v1/activities/" + current.path("id").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
