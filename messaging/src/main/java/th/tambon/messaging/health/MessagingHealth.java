package th.tambon.messaging.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * How the kit's workers are doing: the check of the service's topics, the outbox relay, each inbox listener, and the
 * consumer loops micronaut-kafka runs them on. Read by {@link MessagingHealthIndicator}, so readiness goes DOWN while one of them cannot make
 * progress and UP again when it can.
 */
@Singleton
public class MessagingHealth {
    private final Worker relay = new Worker();
    private final Worker topics = new Worker();
    private final Map<String, String> warnings = new ConcurrentSkipListMap<>();
    private final Map<String, Worker> listeners = new ConcurrentSkipListMap<>();
    private final Map<String, String> endedLoops = new ConcurrentHashMap<>();

    public MessagingHealth(MeterRegistry meters) {
        // For alerting (ops/prometheus/alerts.yml): readiness itself is not a metric.
        Gauge.builder("tambon.messaging.ready", this, health -> health.healthy() ? 1 : 0)
                .description("1 while the messaging kit makes progress, 0 while readiness says it is stuck")
                .register(meters);
    }

    public Worker relay() {
        return relay;
    }

    /** The check that the service's own topics keep their events: stuck while one would drop them. */
    public Worker topics() {
        return topics;
    }

    public Worker listener(String name) {
        return listeners.computeIfAbsent(name, n -> new Worker());
    }

    /** A consumer loop ended with an exception while the application runs: its listener receives nothing more. */
    public void loopEnded(String thread, Throwable failure) {
        endedLoops.put(thread, String.valueOf(failure));
    }

    boolean loopsRunning() {
        return endedLoops.isEmpty();
    }

    Map<String, String> endedLoops() {
        return Map.copyOf(endedLoops);
    }

    boolean healthy() {
        return !relay.stuck() && !topics.stuck() && listeners.values().stream().noneMatch(Worker::stuck) && endedLoops.isEmpty();
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("relay", relay.describe());
        details.put("topics", topics.describe());
        Map<String, Object> listenerDetails = new LinkedHashMap<>();
        listeners.forEach((name, worker) -> listenerDetails.put(name, worker.describe()));
        details.put("listeners", listenerDetails);
        if (!endedLoops.isEmpty()) {
            details.put("endedConsumerLoops", Map.copyOf(endedLoops));
        }
        if (!warnings.isEmpty()) {
            details.put("warnings", Map.copyOf(warnings));
        }
        return details;
    }

    /**
     * Replaces the warnings: things an operator should fix that do not stop the service (a topic that would drop
     * events it only reads or dead-letters to), as the latest check found them; a fixed one disappears.
     */
    public void warnings(Map<String, String> current) {
        warnings.keySet().retainAll(current.keySet());
        warnings.putAll(current);
    }

    /**
     * One worker: working, or stuck on some failure since some time. A worker may be stuck in parts (a listener, on
     * each partition that waits): it is stuck while any part is, and each part recovers on its own.
     */
    public static final class Worker {
        private static final String WHOLE = "";
        private final Map<String, Stuck> parts = new ConcurrentSkipListMap<>();

        private record Stuck(Instant since, String failure) {
        }

        /** It made progress: nothing of it is stuck any longer. */
        public void progressed() {
            parts.clear();
        }

        /** It cannot make progress, for a reason that is not the message's (an outage, a broken JVM or code). */
        public void stuck(Throwable why) {
            stuck(WHOLE, why);
        }

        /** That part of it (a partition) made progress. */
        public void progressed(String part) {
            parts.remove(part);
        }

        /** That part of it (a partition) cannot make progress; the others may. */
        public void stuck(String part, Throwable why) {
            parts.merge(part, new Stuck(Instant.now(), String.valueOf(why)),
                    (before, now) -> new Stuck(before.since(), now.failure()));
        }

        boolean stuck() {
            return !parts.isEmpty();
        }

        Map<String, Object> describe() {
            Map<String, Stuck> now = Map.copyOf(parts);
            if (now.isEmpty()) {
                return Map.of("status", "UP");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", "DOWN");
            details.put("since", now.values().stream().map(Stuck::since).min(Instant::compareTo).orElseThrow().toString());
            details.put("error", now.values().iterator().next().failure());
            Map<String, String> waiting = new TreeMap<>();
            now.forEach((part, stuck) -> {
                if (!part.equals(WHOLE)) {
                    waiting.put(part, stuck.failure());
                }
            });
            if (!waiting.isEmpty()) {
                details.put("waiting", waiting);
            }
            return details;
        }
    }
}
