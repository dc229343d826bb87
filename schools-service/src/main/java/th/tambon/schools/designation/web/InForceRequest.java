package th.tambon.schools.designation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import th.tambon.http.ProgrammeDate;

import java.time.LocalDate;

/** Body of {@code POST /api/v1/schools/{code}/designations/in-force}. */
@Serdeable
@Schema(description = "A designation already in force, with its historical dates")
public record InForceRequest(
        @Schema(description = "defaults to designatedOn", example = "2019-06-01") @Nullable @ProgrammeDate LocalDate nominatedOn,
        @Schema(description = "the date OBEC designated the school", example = "2019-06-01") @NotNull @ProgrammeDate LocalDate designatedOn,
        @Schema(description = "from which date it is an active quality school; defaults to designatedOn", example = "2019-06-01")
        @Nullable @ProgrammeDate LocalDate activeFrom,
        @Schema(example = "นำเข้าข้อมูลโรงเรียนคุณภาพประจำตำบล ปี 2562") @Nullable @Size(max = 500) String reason) {

    LocalDate nominatedOnOrDefault() {
        return nominatedOn != null ? nominatedOn : designatedOn;
    }

    LocalDate activeFromOrDefault() {
        return activeFrom != null ? activeFrom : designatedOn;
    }
}
