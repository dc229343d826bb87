package th.tambon.messaging.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code messaging.outbox_message}: one event, written in the transaction of the state change it announces
 * and published by the {@link OutboxRelay}.
 *
 * @param lane          events of one key share a lane; one relay at a time publishes a lane
 * @param nextAttemptAt when a failed row may be tried again; null when it is due
 * @param parkedAt      set when the row can never be published as it is; the rows of its key wait behind it
 */
@MappedEntity(value = "outbox_message", schema = "messaging")
public record OutboxMessage(
        @Id @GeneratedValue @Nullable Long id,
        UUID eventId,
        String topic,
        String messageKey,
        short lane,
        String eventType,
        String source,
        @Nullable String subject,
        Instant occurredAt,
        String payload,
        @Nullable String traceParent,
        @DateCreated @Nullable Instant createdAt,
        @Nullable Instant sentAt,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant parkedAt) {
}
