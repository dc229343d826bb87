package th.tambon.schools.esa.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.schools.esa.application.RegisterEsa;
import th.tambon.schools.esa.model.EsaKind;

/** Body of {@code POST /api/v1/esas}. */
@Serdeable
public record RegisterEsaRequest(
        @NotBlank @Pattern(regexp = Codes.ESA,
                message = "must look like P31-4: P (primary) or S (secondary), the 2-digit province code, '-', the zone")
        String code,
        @NotBlank @Pattern(regexp = "PRIMARY|SECONDARY", message = "must be PRIMARY or SECONDARY") String kind,
        @NotNull @Min(1) @Max(99) Integer zone,
        @NotBlank @Pattern(regexp = Codes.PROVINCE, message = "must be the 2-digit DOPA province code") String provinceCode,
        @NotBlank @Size(max = 100) String province,
        @NotBlank @Size(max = 200) String nameTh,
        @NotBlank @Size(max = 200) String nameEn,
        @Nullable @Size(max = 200) String director) {

    RegisterEsa toCommand() {
        return new RegisterEsa(code, EsaKind.valueOf(kind), zone, provinceCode, province.strip(), nameTh.strip(),
                nameEn.strip(), director == null || director.isBlank() ? null : director.strip());
    }
}
