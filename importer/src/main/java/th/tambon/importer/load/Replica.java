package th.tambon.importer.load;

import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayUnavailable;
import th.tambon.importer.gateway.Reply;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A service's replica of ESAs and schools, as the importer sees it through the gateway: events-service's
 * ({@code GET /api/v1/events/replicas/esas/{code}}, {@code …/schools/{code}}) or budget-service's
 * ({@code /api/v1/budget/replicas/…}). An ESA or school registered a moment ago reaches it through {@code schools.v1}
 * a little later; before that, the service refuses what names it (an activity, an allocation round). So before writing
 * such a thing the importer waits until the replica knows what it names, polling with growing pauses for a bounded time
 * and saying so on the progress bar. What it has once seen stays known for the run.
 */
final class Replica {
    private static final Duration NOTE_EVERY = Duration.ofSeconds(10);

    private final String service;
    private final String base;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    private Replica(String service, String base) {
        this.service = service;
        this.base = base;
    }

    /** events-service's replica. */
    static Replica events() {
        return new Replica("events-service", "/api/v1/events/replicas/");
    }

    /** budget-service's replica. */
    static Replica budget() {
        return new Replica("budget-service", "/api/v1/budget/replicas/");
    }

    /** {@code esas/P31-4}: how the replica's path names an ESA. */
    static String esa(String code) {
        return "esas/" + code;
    }

    /** {@code schools/31040001}: how the replica's path names a school. */
    static String school(String code) {
        return "schools/" + code;
    }

    /**
     * Null once the replica knows every one of {@code references} ({@link #esa}, {@link #school}); a failed result when
     * one is still unknown after {@link Patience#replica()}, or the replica answered something else than 200 or 404.
     */
    Result await(Gateway gateway, Collection<String> references, Patience patience, Progress.Bar bar) {
        long deadline = System.nanoTime() + patience.replica().toNanos();
        long started = System.nanoTime();
        boolean noted = false;
        try {
            for (String reference : new LinkedHashSet<>(references)) {
                Duration pause = patience.firstPause();
                long lastNote = 0;
                while (!known.contains(reference)) {
                    String path = base + reference;
                    Reply reply = gateway.get(path);
                    if (reply.ok()) {
                        known.add(reference);
                        break;
                    }
                    if (reply.status() != 404) {
                        return Result.failed("GET " + path + ": " + reply.status() + " " + reply.problem());
                    }
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        return Result.failed(service + "'s replica still does not know " + what(reference)
                                + " after " + seconds(patience.replica()) + " (has schools.v1 reached it?); "
                                + "import again once it has");
                    }
                    if (!noted || now - lastNote >= NOTE_EVERY.toNanos()) {
                        bar.note("waiting for " + service + "'s replica to know " + what(reference) + " ("
                                + Duration.ofNanos(now - started).toSeconds() + " s of at most "
                                + seconds(patience.replica()) + ")");
                        noted = true;
                        lastNote = now;
                    }
                    sleep(Duration.ofNanos(Math.min(pause.toNanos(), deadline - now)));
                    pause = patience.after(pause);
                }
            }
            return null;
        } finally {
            if (noted) {
                bar.note(null);
            }
        }
    }

    /** "school 31040001", "ESA P31-4". */
    private static String what(String reference) {
        return reference.startsWith("esas/") ? "ESA " + reference.substring(5) : "school " + reference.substring(8);
    }

    /** "120 s", "0.3 s". */
    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable("interrupted while waiting", e);
        }
    }
}
