package th.tambon.events.work.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code work_forwarding}: an ESA's letter forwarding selected works to OBEC; its works point at it. */
@MappedEntity("work_forwarding")
public record ForwardingRow(@Id UUID id, String esa, String documentRef, LocalDate sentOn, Instant recordedAt,
                            String recordedBy) {
}
