package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * What this service knows of an ESA, from schools.v1: the replicated fields, the ESA's version they are at and the
 * event that brought them. Also the JSON of {@code GET /api/v1/replicas/esas}.
 */
@Serdeable
@Schema(description = "An ESA as this service knows it from schools.v1")
@MappedEntity(value = "esa", schema = "schools_replica")
public record EsaReplica(
        @Id @Schema(example = "P31-4") String code,
        @Schema(example = "PRIMARY") String kind,
        @Schema(example = "4") int zone,
        @Schema(example = "31") String provinceCode,
        @Schema(example = "บุรีรัมย์") String province,
        @Schema(example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4") String nameTh,
        @Schema(example = "Buriram Primary Educational Service Area Office 4") String nameEn,
        @Schema(example = "นายสมชาย ใจดี") @Nullable String director,
        @Schema(example = "2020-07-01T02:00:00Z") Instant registeredAt,
        @Schema(description = "the ESA's version these fields are at", example = "1") long version,
        @Schema(description = "ce_id of the event that brought them", example = "0f8b2f5e-3c1d-4a8e-9d1b-6c2a5e4f7a90")
        String lastEventId,
        @Schema(description = "when this replica last changed", example = "2020-07-01T02:00:01Z") Instant updatedAt) {
}
