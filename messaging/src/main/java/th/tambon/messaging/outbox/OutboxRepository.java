package th.tambon.messaging.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox table. Every method runs on the connection of the caller's transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    OutboxMessage save(OutboxMessage message);

    /**
     * Waits until no other open transaction holds the key, then holds it until this one ends: whoever appends an
     * event for a key second commits second, so id order is commit order for every key.
     */
    @Query("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:namespace, hashtext(:key))) AS locked")
    long lockKey(int namespace, String key);

    /** Takes a lane for the rest of this transaction; false when another relay holds it. */
    @Query("SELECT pg_try_advisory_xact_lock(:namespace, :lane)")
    boolean tryLockLane(int namespace, short lane);

    /** A transaction that stays idle longer than this (a relay stuck in Kafka I/O) is ended by the server. */
    @Query("SELECT set_config('idle_in_transaction_session_timeout', :millis, true)")
    String limitIdleTransaction(String millis);

    @Query("""
            SELECT lane, count(*) AS pending, min(created_at) AS oldest FROM messaging.outbox_message
            WHERE sent_at IS NULL AND parked_at IS NULL GROUP BY lane ORDER BY lane""")
    List<LaneBacklog> backlog();

    @Query("SELECT count(*) FROM messaging.outbox_message WHERE parked_at IS NOT NULL AND sent_at IS NULL")
    long countParked();

    @Query("SELECT DISTINCT topic FROM messaging.outbox_message WHERE sent_at IS NULL AND parked_at IS NULL")
    List<String> pendingTopics();

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
