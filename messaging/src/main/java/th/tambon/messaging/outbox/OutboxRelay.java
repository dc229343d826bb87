package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.health.MessagingHealth;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Publishes committed outbox rows to Kafka, in order per key. Several relays may run: a lane (the events of a set of
 * keys) is published by whoever holds its transaction-scoped advisory lock, rows are claimed
 * {@code FOR UPDATE SKIP LOCKED} in id order, and a row is marked sent only once the broker acknowledged it (acks=all,
 * idempotent producer); a crash in between publishes it again, and consumers dedupe by event id.
 * <p>
 * Within a lane the rows go out in waves: the first unsent row of every key, then, once those are acknowledged, the
 * second, and so on, so a key's later event is never sent before its earlier one is acknowledged. A row that fails
 * holds its key for the round and waits with a growing backoff; one that can never be published (too large, an
 * invalid or missing topic) is parked, and the key's later rows wait behind it (docs/decisions/0001). The lane's
 * transaction is bounded: topic metadata is fetched before it opens, acknowledgements are awaited for at most
 * {@code relay-send-timeout}, and the server ends the transaction if it stays idle longer than that.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LANE_LOCKS = 0x7A6B0001;
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository rows;
    private final Producer<String, byte[]> producer;
    private final AdminClient admin;
    private final MessagingSettings settings;
    private final OutboxSignal signal;
    private final MessagingHealth.Worker health;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter published;
    private final Counter parkings;

    public OutboxRelay(TransactionOperations<Connection> transactions, OutboxRepository rows,
                       @KafkaClient("outbox-relay") Producer<String, byte[]> producer, AdminClient admin,
                       MessagingSettings settings, OutboxSignal signal, MessagingHealth health, MeterRegistry meters) {
        this.transactions = transactions;
        this.rows = rows;
        this.producer = producer;
        this.admin = admin;
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
        this.parkings = Counter.builder("tambon.outbox.parkings").description("Outbox rows parked").register(meters);
    }

    /**
     * The relay loop; returns when {@code running} turns false or the thread is interrupted. A round that fails for
     * any reason (the database away, a broken JVM) is retried after a backoff: the loop never ends on its own, and
     * readiness reports the relay DOWN until a round succeeds again.
     */
    public void run(BooleanSupplier running) {
        int failures = 0;
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
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
        Set<String> unavailable = unavailableTopics(topics);
        int sent = 0;
        boolean more = false;
        RuntimeException failure = null;
        for (short lane : lanes) {
            try {
                LaneRound round = transactions.executeWrite(status -> publishLane(lane, unavailable));
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

    /**
     * One lane's round: how many rows went out, whether it claimed a full batch (so more may be due), and whether the
     * broker left every row it was sent unacknowledged within the send timeout.
     */
    private record LaneRound(int sent, boolean full, boolean unanswered) {
    }

    /**
     * Topics of due rows whose metadata the producer cannot get now, asked once per topic per round and outside any
     * transaction (a send would otherwise block up to {@code max.block.ms} for each row). The rows of a topic the
     * broker says does not exist, or whose name is invalid, are parked.
     */
    private Set<String> unavailableTopics(Set<String> topics) {
        Set<String> unavailable = new HashSet<>();
        for (String topic : topics) {
            try {
                producer.partitionsFor(topic);
            } catch (InvalidTopicException e) {
                parkTopic(topic, e);
                unavailable.add(topic);
            } catch (RuntimeException e) {
                unavailable.add(topic);
                if (missing(topic)) {
                    parkTopic(topic, new UnknownTopicOrPartitionException("topic " + topic + " does not exist"));
                } else {
                    LOG.warn("Outbox relay cannot reach the broker for topic {}; its rows wait: {}", topic, e.toString());
                }
            }
        }
        return unavailable;
    }

    private boolean missing(String topic) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void parkTopic(String topic, Exception why) {
        int count = transactions.executeWrite(status -> rows.parkTopic(topic, describe(why)));
        parkings.increment(count);
        LOG.error("Parked {} outbox row(s) for topic {}: {}. Once the topic exists, release them with "
                + "UPDATE messaging.outbox_message SET parked_at = NULL WHERE topic = '{}' AND sent_at IS NULL",
                count, topic, why.toString(), topic);
    }

    private LaneRound publishLane(short lane, Set<String> unavailable) {
        String idleLimit = Long.toString(settings.getRelaySendTimeout().multipliedBy(2).toMillis() + 5_000);
        if (!rows.tryLockLane(LANE_LOCKS, lane, idleLimit)) {
            return new LaneRound(0, false, false);
        }
        List<OutboxMessage> claimed = rows.claim(lane, settings.getRelayBatchSize());
        Map<String, ArrayDeque<OutboxMessage>> keys = new LinkedHashMap<>();
        for (OutboxMessage row : claimed) {
            keys.computeIfAbsent(row.messageKey(), k -> new ArrayDeque<>()).add(row);
        }
        long deadline = System.nanoTime() + settings.getRelaySendTimeout().toNanos();
        boolean timedOut = false;
        List<Long> sent = new ArrayList<>();
        Map<OutboxMessage, Throwable> failed = new LinkedHashMap<>();
        // Rows not reached before the deadline stay pending for the next round.
        while (!keys.isEmpty() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Map<OutboxMessage, Future<RecordMetadata>> wave = new LinkedHashMap<>();
            for (Iterator<ArrayDeque<OutboxMessage>> it = keys.values().iterator(); it.hasNext(); ) {
                ArrayDeque<OutboxMessage> queue = it.next();
                OutboxMessage row = queue.poll();
                if (unavailable.contains(row.topic())) {
                    it.remove(); // this round it cannot go out, nor can the key's later rows
                    continue;
                }
                try {
                    wave.put(row, producer.send(record(row)));
                } catch (RuntimeException e) {
                    failed.put(row, e);
                    it.remove();
                    continue;
                }
                if (queue.isEmpty()) {
                    it.remove();
                }
            }
            for (var sending : wave.entrySet()) {
                OutboxMessage row = sending.getKey();
                try {
                    sending.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    sent.add(row.id());
                } catch (ExecutionException e) {
                    failed.put(row, e.getCause());
                    keys.remove(row.messageKey());
                } catch (TimeoutException e) {
                    failed.put(row, new TimeoutException("not acknowledged within " + settings.getRelaySendTimeout()));
                    keys.remove(row.messageKey());
                    timedOut = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.put(row, e);
                    keys.remove(row.messageKey());
                }
            }
        }
        if (!sent.isEmpty()) {
            rows.markSent(sent);
        }
        failed.forEach(this::recordFailure);
        return new LaneRound(sent.size(), claimed.size() == settings.getRelayBatchSize() || !keys.isEmpty(),
                timedOut && sent.isEmpty());
    }

    private void recordFailure(OutboxMessage row, Throwable failure) {
        if (permanent(failure)) {
            rows.park(row.id(), describe(failure));
            parkings.increment();
            LOG.error("Parked outbox row {} ({} {} for {} on {}): it can never be published as it is: {}. The later "
                    + "events of {} wait behind it; release it with UPDATE messaging.outbox_message SET parked_at = NULL "
                    + "WHERE id = {}", row.id(), row.eventType(), row.eventId(), row.messageKey(), row.topic(),
                    failure.toString(), row.messageKey(), row.id());
        } else {
            Instant next = Instant.now().plus(settings.backoffAfter(row.attempts() + 1, settings.getRelayMaxBackoff()));
            rows.retryLater(row.id(), describe(failure), next);
            LOG.warn("Outbox row {} ({} for {}) not published (attempt {}), next try at {}: {}", row.id(),
                    row.eventType(), row.messageKey(), row.attempts() + 1, next, failure.toString());
        }
    }

    /** Failures that no retry can mend: only a changed topic or a changed row can. */
    private static boolean permanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    private static String describe(Throwable failure) {
        String text = String.valueOf(failure);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }

    private static ProducerRecord<String, byte[]> record(OutboxMessage row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.messageKey(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new CloudEvent(row.eventId().toString(), row.eventType(), row.source(),
                row.occurredAt(), row.subject(), row.traceParent()), record.headers());
        return record;
    }
}
