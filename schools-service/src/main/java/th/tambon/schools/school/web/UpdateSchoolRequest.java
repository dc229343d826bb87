package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import th.tambon.http.IfMatch;
import th.tambon.schools.school.application.UpdateSchool;
import th.tambon.schools.school.model.School;

/** Body of {@code PUT /api/v1/schools/{code}}: the school's details as they should be. */
@Serdeable
@Schema(description = "A school's details as they should be; its SMIS code, ESA and tambon code are fixed. "
        + "An optional field left out or null is cleared.")
public record UpdateSchoolRequest(
        @Schema(example = "โรงเรียนบ้านหัวฝาย") @NotBlank @Size(max = 200) String nameTh,
        @Schema(example = "Ban Hua Fai School") @Nullable @Size(max = 200) String nameEn,
        @Schema(example = "บุรีรัมย์") @NotBlank @Size(max = 100) String province,
        @Schema(example = "แคนดง") @NotBlank @Size(max = 100) String district,
        @Schema(example = "หัวฝาย") @NotBlank @Size(max = 100) String tambon,
        @Schema(example = "ดร.จำปา จันทะสอน") @Nullable @Size(max = 200) String director,
        @Schema(description = "number of students, if known", example = "212") @Nullable @Min(0) @Max(100_000) Integer students,
        @Schema(description = "number of teachers, if known", example = "14") @Nullable @Min(0) @Max(10_000) Integer teachers) {

    UpdateSchool toCommand(String code, IfMatch ifMatch) {
        return new UpdateSchool(code, new School.Details(nameTh.strip(), blankToNull(nameEn), province.strip(),
                district.strip(), tambon.strip(), blankToNull(director), students, teachers), ifMatch);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
