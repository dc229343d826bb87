package th.tambon.schools.network.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of the {@code network} table. */
@MappedEntity("network")
public record NetworkRow(@Id String esa, String chairSchool, String chairPerson, Instant formedAt, Instant updatedAt) {
}
