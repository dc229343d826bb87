package th.tambon.messaging.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The outbox table. Every method runs on the connection of the caller's transaction, if there is one. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    /**
     * Appends an event: first waits until no other open transaction holds its key, then holds it until this one ends,
     * so whoever appends an event for a key second commits second and id order is commit order for every key. One
     * statement, one round trip.
     */
    @Query("""
            INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, subject,
                occurred_at, payload, trace_parent)
            SELECT :eventId, :topic, :key, :lane, :eventType, :source, :subject, :occurredAt, :payload, :traceParent
            FROM pg_advisory_xact_lock(:keyLocks, hashtext(:key))""")
    int appendHoldingKey(int keyLocks, UUID eventId, String topic, String key, short lane, String eventType,
                         String source, @Nullable String subject, Instant occurredAt, String payload,
                         @Nullable String traceParent);

    /**
     * Takes a lane for the rest of this transaction (false when another relay holds it), and bounds the transaction:
     * the server ends it if it stays idle longer than {@code idleMillis} (a relay stuck in Kafka I/O).
     */
    @Query("""
            SELECT pg_try_advisory_xact_lock(:laneLocks, :lane)
            FROM (SELECT set_config('idle_in_transaction_session_timeout', :idleMillis, true)) AS bounded""")
    boolean tryLockLane(int laneLocks, short lane, String idleMillis);

    /** What is unsent, by lane and topic: due or waiting, and parked. */
    @Query("""
            SELECT lane, topic, count(*) FILTER (WHERE parked_at IS NULL) AS pending,
                   count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
                   min(created_at) FILTER (WHERE parked_at IS NULL) AS oldest
            FROM messaging.outbox_message WHERE sent_at IS NULL GROUP BY lane, topic""")
    List<Backlog> backlog();

    /**
     * Up to {@code limit} rows of the lane, in id order, whose key has no earlier unsent row that is parked or waiting
     * to be tried again (nor are they themselves).
     */
    @Query(value = """
            SELECT o.* FROM messaging.outbox_message o
            WHERE o.lane = :lane AND o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM messaging.outbox_message e
                              WHERE e.message_key = o.message_key AND e.sent_at IS NULL AND e.id <= o.id
                                AND (e.parked_at IS NOT NULL OR e.next_attempt_at > now()))
            ORDER BY o.id LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OutboxMessage> claim(short lane, int limit);

    @Query("""
            UPDATE messaging.outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
                next_attempt_at = NULL WHERE id IN (:ids)""")
    int markSent(Collection<Long> ids);

    @Query("""
            UPDATE messaging.outbox_message SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
            WHERE id = :id""")
    int retryLater(long id, String error, Instant next);

    @Query("""
            UPDATE messaging.outbox_message SET attempts = attempts + 1, last_error = :error, parked_at = now()
            WHERE id = :id""")
    int park(long id, String error);

    /** Parks every pending row of a topic that does not exist; returns how many. */
    @Query("""
            UPDATE messaging.outbox_message SET attempts = attempts + 1, last_error = :error, parked_at = now()
            WHERE topic = :topic AND sent_at IS NULL AND parked_at IS NULL""")
    int parkTopic(String topic, String error);

    /** Deletes up to {@code limit} rows published before {@code before}; returns how many. */
    @Query("""
            DELETE FROM messaging.outbox_message WHERE id IN (
                SELECT id FROM messaging.outbox_message WHERE sent_at < :before ORDER BY sent_at LIMIT :limit)""")
    int pruneSent(Instant before, int limit);
}
