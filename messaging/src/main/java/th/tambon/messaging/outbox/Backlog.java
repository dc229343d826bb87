package th.tambon.messaging.outbox;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Unsent rows of one lane and topic: how many wait to be published, since when the oldest, and how many are parked. */
@Introspected
public record Backlog(short lane, String topic, long pending, long parked, @Nullable Instant oldest) {
}
