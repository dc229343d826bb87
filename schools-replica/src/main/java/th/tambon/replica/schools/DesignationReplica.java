package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A quality-school designation as this service knows it from schools.v1. The school is an active quality school on
 * date D when {@code activeFrom <= D} and ({@code withdrawnOn} is null or {@code D < withdrawnOn}).
 */
@Serdeable
@Schema(description = "A quality-school designation as this service knows it from schools.v1")
@MappedEntity(value = "designation", schema = "schools_replica")
public record DesignationReplica(
        @Id @Schema(description = "the designation's id") String id,
        @Schema(description = "SMIS code", example = "31040001") String school,
        @Schema(example = "P31-4") String esa,
        @Schema(example = "312104") String tambonCode,
        @Schema(example = "ACTIVE", allowableValues = {"NOMINATED", "DESIGNATED", "ACTIVE", "WITHDRAWN"}) String status,
        @Nullable LocalDate nominatedOn,
        @Nullable LocalDate designatedOn,
        @Nullable LocalDate activeFrom,
        @Nullable LocalDate withdrawnOn,
        @Schema(description = "the school's version this designation is at") long version,
        @Schema(description = "ce_id of the event that brought it") String lastEventId,
        @Schema(description = "when this replica last changed") Instant updatedAt) {
}
