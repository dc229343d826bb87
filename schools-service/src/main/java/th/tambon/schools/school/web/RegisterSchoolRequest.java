package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.schools.school.application.RegisterSchool;

/** Body of {@code POST /api/v1/schools}. */
@Serdeable
public record RegisterSchoolRequest(
        @NotBlank @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String code,
        @NotBlank @Size(max = 200) String nameTh,
        @Nullable @Size(max = 200) String nameEn,
        @NotBlank @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
        @NotBlank @Size(max = 100) String province,
        @NotBlank @Size(max = 100) String district,
        @NotBlank @Size(max = 100) String tambon,
        @NotBlank @Pattern(regexp = Codes.TAMBON, message = "must be the 6-digit DOPA tambon code") String tambonCode,
        @Nullable @Size(max = 200) String director) {

    RegisterSchool toCommand() {
        return new RegisterSchool(code, nameTh.strip(), blankToNull(nameEn), esa, province.strip(), district.strip(),
                tambon.strip(), tambonCode, blankToNull(director));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
