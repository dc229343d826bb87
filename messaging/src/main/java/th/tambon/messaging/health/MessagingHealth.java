package th.tambon.messaging.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Something an operator should fix that does not stop the service, such as a read topic that drops events. */
    public void warn(String subject, String warning) {
        warnings.put(subject, warning);
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

    /** One worker: working, or stuck since some time on some failure. */
    public static final class Worker {
        private volatile Instant stuckSince;
        private volatile String failure;

        /** It made progress. */
        public void progressed() {
            stuckSince = null;
            failure = null;
        }

        /** It cannot make progress, for a reason that is not the message's (an outage, a broken JVM or code). */
        public void stuck(Throwable why) {
            if (stuckSince == null) {
                stuckSince = Instant.now();
            }
            failure = String.valueOf(why);
        }

        boolean stuck() {
            return stuckSince != null;
        }

        Map<String, Object> describe() {
            Instant since = stuckSince;
            return since == null ? Map.of("status", "UP")
                    : Map.of("status", "DOWN", "since", since.toString(), "error", String.valueOf(failure));
        }
    }
}
