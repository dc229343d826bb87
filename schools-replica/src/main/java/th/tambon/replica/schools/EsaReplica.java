package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What this service knows of an ESA, from schools.v1: the replicated fields, the ESA's version they are at and the
 * event that brought them. Also the JSON of {@code GET /api/v1/replicas/esas}.
 */
@Serdeable
@MappedEntity(value = "esa", schema = "schools_replica")
public record EsaReplica(@Id String code, String kind, int zone, String provinceCode, String province, String nameTh,
                         String nameEn, @Nullable String director, Instant registeredAt, long version, String lastEventId,
                         Instant updatedAt) {
}
