package th.tambon.schools.esa.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "An ESA to register; its code must agree with kind, province code and zone")
public record RegisterEsaRequest(
        @Schema(description = "P (primary) or S (secondary), the 2-digit province code, '-', the zone", example = "P31-4")
        @NotBlank @Pattern(regexp = Codes.ESA,
                message = "must look like P31-4: P (primary) or S (secondary), the 2-digit province code, '-', the zone")
        String code,
        @Schema(description = "PRIMARY (สพป.) or SECONDARY (สพม.)", example = "PRIMARY")
        @NotBlank @Pattern(regexp = "PRIMARY|SECONDARY", message = "must be PRIMARY or SECONDARY") String kind,
        @Schema(description = "the area number (เขต)", example = "4") @NotNull @Min(1) @Max(99) Integer zone,
        @Schema(description = "DOPA province code", example = "31")
        @NotBlank @Pattern(regexp = Codes.PROVINCE, message = "must be the 2-digit DOPA province code") String provinceCode,
        @Schema(example = "บุรีรัมย์") @NotBlank @Size(max = 100) String province,
        @Schema(example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4") @NotBlank @Size(max = 200) String nameTh,
        @Schema(example = "Buriram Primary Educational Service Area Office 4") @NotBlank @Size(max = 200) String nameEn,
        @Schema(description = "the ESA's director, if known", example = "นายสมชาย ใจดี")
        @Nullable @Size(max = 200) String director) {

    RegisterEsa toCommand() {
        return new RegisterEsa(code, EsaKind.valueOf(kind), zone, provinceCode, province.strip(), nameTh.strip(),
                nameEn.strip(), director == null || director.isBlank() ? null : director.strip());
    }
}
