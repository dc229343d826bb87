package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one lane's due rows, inside the caller's transaction: whoever holds the lane's transaction-scoped advisory
 * lock claims up to a batch of rows {@code FOR UPDATE SKIP LOCKED} in id order and sends them in waves (the first
 * unsent row of every key, then, once those are acknowledged, the second, and so on), so a key's later event is never
 * sent before its earlier one is acknowledged. A row is marked sent only once the broker acknowledged it. A row that
 * fails holds its key for the round and waits with a growing backoff; one that can never be published (too large, an
 * invalid topic, a record the broker refuses) is parked, and the key's later rows wait behind it.
 */
@Singleton
class LanePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(LanePublisher.class);
    private static final int LANE_LOCKS = 0x7A6B0001;

    /**
     * One lane's round: how many rows went out, whether it claimed a full batch (so more may be due), and whether the
     * broker left every row it was sent unacknowledged within the send timeout.
     */
    record LaneRound(int sent, boolean full, boolean unanswered) {
    }

    private final OutboxRepository rows;
    private final Producer<String, byte[]> producer;
    private final MessagingSettings settings;
    private final Counter parkings;

    LanePublisher(OutboxRepository rows, @KafkaClient("outbox-relay") Producer<String, byte[]> producer,
                  MessagingSettings settings, MeterRegistry meters) {
        this.rows = rows;
        this.producer = producer;
        this.settings = settings;
        this.parkings = Parking.counter(meters);
    }

    /** Publishes the lane's due rows, except those of the topics that are unavailable this round. */
    LaneRound publish(short lane, Set<String> unavailable) {
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
            rows.park(row.id(), Parking.describe(failure));
            parkings.increment();
            LOG.error("Parked outbox row {} ({} {} for {} on {}): it can never be published as it is: {}. The later "
                    + "events of {} wait behind it; release it with UPDATE messaging.outbox_message SET parked_at = NULL "
                    + "WHERE id = {}", row.id(), row.eventType(), row.eventId(), row.messageKey(), row.topic(),
                    failure.toString(), row.messageKey(), row.id());
        } else {
            Instant next = Instant.now().plus(settings.backoffAfter(row.attempts() + 1, settings.getRelayMaxBackoff()));
            rows.retryLater(row.id(), Parking.describe(failure), next);
            LOG.warn("Outbox row {} ({} for {}) not published (attempt {}), next try at {}: {}", row.id(),
                    row.eventType(), row.messageKey(), row.attempts() + 1, next, failure.toString());
        }
    }

    /** Failures that no retry can mend: only a changed topic or a changed row can. */
    private static boolean permanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException;
    }

    private static ProducerRecord<String, byte[]> record(OutboxMessage row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.messageKey(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(new CloudEvent(row.eventId().toString(), row.eventType(), row.source(),
                row.occurredAt(), row.subject(), row.traceParent()), record.headers());
        return record;
    }
}
