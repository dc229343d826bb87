package th.tambon.schools.network.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the {@code network_chair} table: a chair of the network, since when, recorded by whom, and until when
 * (null while it is the chair; set when another is set or its school leaves the network).
 */
@MappedEntity("network_chair")
public record NetworkChairRow(@Id UUID id, String esa, String chairSchool, String chairPerson, Instant since,
                              String recordedBy, @Nullable Instant until) {
}
