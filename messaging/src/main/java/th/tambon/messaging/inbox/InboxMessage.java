package th.tambon.messaging.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/**
 * A row of {@code messaging.inbox_message}: a consumer (its Kafka consumer group) applied the event with this id,
 * recorded in the same transaction as the effect.
 */
@MappedEntity(value = "inbox_message", schema = "messaging")
public record InboxMessage(
        @EmbeddedId Key key,
        String eventType,
        String topic,
        int partition,
        @MappedProperty("offset") long offset,
        @DateCreated @Nullable Instant receivedAt) {

    @Embeddable
    public record Key(String consumer, String eventId) {
    }
}
