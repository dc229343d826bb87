package th.tambon.schools.network.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of the {@code network} table; no chair (both null) after its chair school left until a new one is set. */
@MappedEntity("network")
public record NetworkRow(@Id String esa, @Nullable String chairSchool, @Nullable String chairPerson, Instant formedAt,
                         Instant updatedAt) {
}
