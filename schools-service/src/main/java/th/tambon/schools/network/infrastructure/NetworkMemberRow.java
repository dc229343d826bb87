package th.tambon.schools.network.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of the {@code network_member} table. */
@MappedEntity("network_member")
public record NetworkMemberRow(@Id UUID id, String esa, String school, Instant joinedAt) {
}
