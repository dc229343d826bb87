package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.health.MessagingHealth;
import th.tambon.messaging.kafka.RetentionWatch;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Publishes committed outbox rows to Kafka, in order per key: the relay's loop. Each round reads the backlog, asks
 * which of its topics can be published to ({@link TopicAvailability}, outside any transaction), then publishes each
 * lane with due rows in a transaction of its own ({@link LanePublisher}). Several relays may run: a lane (the events
 * of a set of keys) is published by whoever holds its lock, and a row is marked sent only once the broker acknowledged
 * it (acks=all, idempotent producer); a crash in between publishes it again, and consumers dedupe by event id
 * (docs/decisions/0001). The lane's transaction is bounded: topic metadata is fetched before it opens,
 * acknowledgements are awaited for at most {@code relay-send-timeout}, and the server ends the transaction if it
 * stays idle longer than that.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository rows;
    private final RetentionWatch retention;
    private final TopicAvailability availability;
    private final LanePublisher publisher;
    private final MessagingSettings settings;
    private final OutboxSignal signal;
    private final MessagingHealth.Worker health;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter published;

    OutboxRelay(TransactionOperations<Connection> transactions, OutboxRepository rows, RetentionWatch retention,
                TopicAvailability availability, LanePublisher publisher, MessagingSettings settings,
                OutboxSignal signal, MessagingHealth health, MeterRegistry meters) {
        this.transactions = transactions;
        this.rows = rows;
        this.retention = retention;
        this.availability = availability;
        this.publisher = publisher;
        this.settings = settings;
        this.signal = signal;
        this.health = health.relay();
        Gauge.builder("tambon.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet published (parked rows excluded)").register(meters);
        Gauge.builder("tambon.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").register(meters);
        Gauge.builder("tambon.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked because they can never be published as they are").register(meters);
        this.published = Counter.builder("tambon.outbox.published").description("Outbox rows published").register(meters);
    }

    /**
     * The relay loop; returns when {@code running} turns false or the thread is interrupted. It publishes only while
     * the {@link RetentionWatch} finds the topics keeping their events. A round that fails for
     * any reason (the database away, a broken JVM) is retried after a backoff: the loop never ends on its own, and
     * readiness reports the relay DOWN until a round succeeds again.
     */
    public void run(BooleanSupplier running) {
        int failures = 0;
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                if (!retention.allowsPublishing()) {
                    // a topic would drop what it is given (readiness says which); the outbox keeps the events
                    signal.await(settings.getRelayPollInterval());
                    continue;
                }
                boolean more = publishPending() == Round.MORE;
                failures = 0;
                health.progressed();
                if (!more) {
                    // Returns at once when a commit appended events during the round.
                    signal.await(settings.getRelayPollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable failure) {
                failures++;
                health.stuck(failure);
                Duration pause = settings.backoffAfter(failures, settings.getRelayMaxBackoff());
                LOG.warn("Outbox relay round failed ({} in a row), next in {} ms: {}", failures, pause.toMillis(),
                        failure.toString());
                try {
                    signal.await(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** What a round left: {@code MORE} when a lane had more due rows than one batch, so the next round starts at once. */
    public enum Round { DONE, MORE }

    /** Publishes what is due now, lane by lane, a batch per lane. */
    public Round publishPending() {
        List<Backlog> backlogs = rows.backlog();
        Set<Short> lanes = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        long pending = 0;
        long parkedRows = 0;
        Instant oldest = null;
        for (Backlog b : backlogs) {
            pending += b.pending();
            parkedRows += b.parked();
            if (b.pending() > 0) {
                lanes.add(b.lane());
                topics.add(b.topic());
                oldest = oldest == null || b.oldest().isBefore(oldest) ? b.oldest() : oldest;
            }
        }
        backlog.set(pending);
        parked.set(parkedRows);
        oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
        if (lanes.isEmpty()) {
            return Round.DONE;
        }
        Set<String> unavailable = availability.unavailable(topics);
        int sent = 0;
        boolean more = false;
        RuntimeException failure = null;
        for (short lane : lanes) {
            try {
                LanePublisher.LaneRound round = transactions.executeWrite(status -> publisher.publish(lane, unavailable));
                sent += round.sent();
                more |= round.full();
                if (round.unanswered()) {
                    // The broker acknowledged nothing within the send timeout: the other lanes would wait as long.
                    break;
                }
            } catch (RuntimeException e) {
                // One lane's failure does not hold up the others.
                LOG.warn("Outbox relay could not publish lane {}: {}", lane, e.toString());
                failure = failure == null ? e : failure;
            }
        }
        published.increment(sent);
        if (failure != null && sent == 0) {
            throw failure;
        }
        return more ? Round.MORE : Round.DONE;
    }
}
