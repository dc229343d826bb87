package th.tambon.messaging.outbox;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** Unsent rows of one lane: how many, and since when the oldest waits. */
@Introspected
public record LaneBacklog(short lane, long pending, Instant oldest) {
}
