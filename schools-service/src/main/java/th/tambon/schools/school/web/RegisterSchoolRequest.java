package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.schools.school.application.RegisterSchool;

/** Body of {@code POST /api/v1/schools}. */
@Serdeable
@Schema(description = "A school to register under a registered ESA")
public record RegisterSchoolRequest(
        @Schema(description = "SMIS code", example = "31040001")
        @NotBlank @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String code,
        @Schema(example = "โรงเรียนบ้านหัวฝาย") @NotBlank @Size(max = 200) String nameTh,
        @Schema(example = "Ban Hua Fai School") @Nullable @Size(max = 200) String nameEn,
        @Schema(description = "code of a registered ESA", example = "P31-4")
        @NotBlank @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
        @Schema(example = "บุรีรัมย์") @NotBlank @Size(max = 100) String province,
        @Schema(example = "แคนดง") @NotBlank @Size(max = 100) String district,
        @Schema(example = "หัวฝาย") @NotBlank @Size(max = 100) String tambon,
        @Schema(description = "DOPA tambon code; its first two digits are the province code of the ESA", example = "312104")
        @NotBlank @Pattern(regexp = Codes.TAMBON, message = "must be the 6-digit DOPA tambon code") String tambonCode,
        @Schema(example = "ดร.จำปา จันทะสอน") @Nullable @Size(max = 200) String director,
        @Schema(description = "number of students, if known", example = "212") @Nullable @Min(0) @Max(100_000) Integer students,
        @Schema(description = "number of teachers, if known", example = "14") @Nullable @Min(0) @Max(10_000) Integer teachers) {

    RegisterSchool toCommand() {
        return new RegisterSchool(code, nameTh.strip(), UpdateSchoolRequest.blankToNull(nameEn), esa, province.strip(),
                district.strip(), tambon.strip(), tambonCode, UpdateSchoolRequest.blankToNull(director), students,
                teachers);
    }
}
