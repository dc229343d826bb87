package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Publishes committed outbox rows to Kafka. Several relay instances may run: a lane (the events of a set of keys) is
 * published by whoever holds its transaction-scoped advisory lock, rows are claimed {@code FOR UPDATE SKIP LOCKED}
 * in id order, and a row is marked sent only after the broker acknowledged it (acks=all, idempotent producer). A crash
 * between the acknowledgement and the mark sends the row again; consumers dedupe by event id.
 */
@Singleton
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_NAMESPACE = 0x7A6B0001;

    private final TransactionOperations<Connection> transactions;
    private final Producer<String, byte[]> producer;
    private final MessagingSettings settings;
    private final OutboxSignal signal;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter published;
    private Instant nextPrune = Instant.EPOCH;

    public OutboxRelay(TransactionOperations<Connection> transactions, Producer<String, byte[]> producer,
                       MessagingSettings settings, OutboxSignal signal, MeterRegistry meters) {
        this.transactions = transactions;
        this.producer = producer;
        this.settings = settings;
        this.signal = signal;
        Gauge.builder("tambon.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows committed but not yet published").register(meters);
        Gauge.builder("tambon.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").register(meters);
        this.published = Counter.builder("tambon.outbox.published").description("Outbox rows published").register(meters);
    }

    /** The relay loop; returns when {@code running} turns false or the thread is interrupted. */
    public void run(BooleanSupplier running) {
        int failures = 0;
        while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                int sent = publishPending();
                failures = 0;
                pruneIfDue();
                if (sent == 0) {
                    signal.await(settings.getRelayPollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failures++;
                Duration pause = settings.backoffAfter(failures);
                LOG.warn("Outbox relay failed ({} in a row), retrying in {} ms: {}", failures, pause.toMillis(), e.toString());
                try {
                    signal.await(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Publishes what is pending now, lane by lane; returns how many rows were published. */
    public int publishPending() {
        int sent = 0;
        for (short lane : pendingLanes()) {
            LaneResult result = transactions.executeWrite(status -> publishLane(status.getConnection(), lane));
            sent += result.sent();
            published.increment(result.sent());
            if (result.failure() != null) {
                throw new OutboxException("Publishing lane " + lane + " stopped", result.failure());
            }
        }
        return sent;
    }

    private List<Short> pendingLanes() {
        return transactions.executeRead(status -> {
            List<Short> lanes = new ArrayList<>();
            long count = 0;
            Instant oldest = null;
            try (PreparedStatement query = status.getConnection().prepareStatement(
                    "SELECT lane, count(*), min(created_at) FROM messaging.outbox_message WHERE sent_at IS NULL GROUP BY lane");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lanes.add(rows.getShort(1));
                    count += rows.getLong(2);
                    Instant laneOldest = rows.getTimestamp(3).toInstant();
                    oldest = oldest == null || laneOldest.isBefore(oldest) ? laneOldest : oldest;
                }
            }
            backlog.set(count);
            oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
            return lanes;
        });
    }

    private LaneResult publishLane(Connection connection, short lane) throws SQLException {
        if (!tryLockLane(connection, lane)) {
            return new LaneResult(0, null);
        }
        List<Row> rows = claim(connection, lane);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Exception failure = null;
        for (Row row : rows) {
            try {
                acks.add(producer.send(row.toRecord()));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
                acknowledged++;
            } catch (ExecutionException e) {
                failure = (Exception) e.getCause();
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        // Only the prefix the broker acknowledged is marked sent, so a key's events are never published out of order.
        markSent(connection, rows.subList(0, acknowledged));
        if (failure != null && acknowledged < rows.size()) {
            recordFailure(connection, rows.get(acknowledged), failure);
        }
        return new LaneResult(acknowledged, failure);
    }

    private boolean tryLockLane(Connection connection, short lane) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, lane);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<Row> claim(Connection connection, short lane) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, event_id, topic, message_key, event_type, source, subject, occurred_at, payload, trace_parent
                FROM messaging.outbox_message WHERE lane = ? AND sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setShort(1, lane);
            select.setInt(2, settings.getRelayBatchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getTimestamp(8).toInstant(), result.getString(9), result.getString(10)));
                }
            }
        }
        return rows;
    }

    private void markSent(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messaging.outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            update.executeUpdate();
        }
    }

    private void recordFailure(Connection connection, Row row, Exception failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE messaging.outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, String.valueOf(failure));
            update.setLong(2, row.id());
            update.executeUpdate();
        }
    }

    private void pruneIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(settings.getOutboxPruneInterval());
        int pruned = transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM messaging.outbox_message WHERE sent_at IS NOT NULL AND sent_at < ?")) {
                delete.setTimestamp(1, Timestamp.from(now.minus(settings.getOutboxRetention())));
                return delete.executeUpdate();
            }
        });
        if (pruned > 0) {
            LOG.info("Pruned {} published outbox rows older than {}", pruned, settings.getOutboxRetention());
        }
    }

    private record LaneResult(int sent, Exception failure) {
    }

    private record Row(long id, UUID eventId, String topic, String key, String type, String source, String subject,
                       Instant occurredAt, String payload, String traceParent) {
        ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEvent(eventId.toString(), type, source, occurredAt, subject, traceParent),
                    record.headers());
            return record;
        }
    }
}
