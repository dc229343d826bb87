package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * What this service knows of a school, from schools.v1: the replicated fields, the school's version they are at and
 * the event that brought them. Also the JSON of {@code GET /api/v1/replicas/schools}.
 */
@Serdeable
@Schema(description = "A school as this service knows it from schools.v1")
@MappedEntity(value = "school", schema = "schools_replica")
public record SchoolReplica(
        @Id @Schema(description = "SMIS code", example = "31040001") String code,
        @Schema(example = "โรงเรียนบ้านหัวฝาย") String nameTh,
        @Schema(example = "Ban Hua Fai School") @Nullable String nameEn,
        @Schema(example = "P31-4") String esa,
        @Schema(example = "บุรีรัมย์") String province,
        @Schema(example = "แคนดง") String district,
        @Schema(example = "หัวฝาย") String tambon,
        @Schema(example = "312104") String tambonCode,
        @Schema(example = "ดร.จำปา จันทะสอน") @Nullable String director,
        @Schema(description = "number of students; null when unknown", example = "212") @Nullable Integer students,
        @Schema(description = "number of teachers; null when unknown", example = "14") @Nullable Integer teachers,
        @Schema(description = "NONE, or the status of the school's latest quality-school designation", example = "ACTIVE",
                allowableValues = {"NONE", "NOMINATED", "DESIGNATED", "ACTIVE", "WITHDRAWN"}) String qualityStatus,
        @Schema(example = "2020-07-01T02:00:00Z") Instant registeredAt,
        @Schema(description = "the highest version of the school this replica has seen (its details and its designation steps "
                + "each keep their own newest)", example = "1") long version,
        @Schema(description = "ce_id of the event that last changed the row", example = "5d0c7e2a-8b4f-4f3e-a1c9-2e7d9b6a3f10")
        String lastEventId,
        @Schema(description = "when this replica last changed", example = "2020-07-01T02:00:01Z") Instant updatedAt) {
}
