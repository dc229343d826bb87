package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What this service knows of a school, from schools.v1: the replicated fields, the school's version they are at and
 * the event that brought them. Also the JSON of {@code GET /api/v1/replicas/schools}.
 */
@Serdeable
@MappedEntity(value = "school", schema = "schools_replica")
public record SchoolReplica(@Id String code, String nameTh, @Nullable String nameEn, String esa, String province,
                            String district, String tambon, String tambonCode, @Nullable String director,
                            Instant registeredAt, long version, String lastEventId, Instant updatedAt) {
}
