package th.tambon.events.work.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code work}; {@link Works} turns it into the domain's {@code Work} and back. */
@MappedEntity("work")
public record WorkRow(@Id UUID id, UUID activity, String esa, String school, String title, String track,
                      String presenterCategory, @Nullable String presenter, String status, @Nullable String note,
                      @Nullable UUID forwarding, @Nullable Integer forwardingIndex, Instant updatedAt, long version) {
}
