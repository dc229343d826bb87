package th.tambon.messaging.inbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The inbox table; {@link #claim} runs in the consumer's transaction, with the effect. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InboxRepository extends GenericRepository<InboxMessage, InboxMessage.Key> {

    /** Records that {@code consumer} applies the event; 0 when it did so before (a duplicate, to be skipped). */
    @Query("""
            INSERT INTO messaging.inbox_message (consumer, event_id, event_type, topic, partition, "offset")
            VALUES (:consumer, :eventId, :eventType, :topic, :partition, :offset)
            ON CONFLICT (consumer, event_id) DO NOTHING""")
    int claim(String consumer, String eventId, String eventType, String topic, int partition, long offset);

    /** Deletes up to {@code limit} rows received before {@code before}; returns how many. */
    @Query("""
            DELETE FROM messaging.inbox_message WHERE ctid IN (
                SELECT ctid FROM messaging.inbox_message WHERE received_at < :before LIMIT :limit)""")
    int pruneReceivedBefore(Instant before, int limit);
}
