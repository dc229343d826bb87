package th.tambon.schools.esa.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import th.tambon.http.IfMatch;
import th.tambon.schools.esa.application.UpdateEsa;
import th.tambon.schools.esa.model.Esa;

/** Body of {@code PUT /api/v1/esas/{code}}: the ESA's names and director as they should be. */
@Serdeable
@Schema(description = "An ESA's names and director as they should be; kind, province and zone are fixed by its code")
public record UpdateEsaRequest(
        @Schema(example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1") @NotBlank @Size(max = 200) String nameTh,
        @Schema(example = "Lamphun Primary Educational Service Area Office 1") @NotBlank @Size(max = 200) String nameEn,
        @Schema(description = "the ESA's director; absent or null when unknown", example = "ดร.สุวิทย์ มุกดาภิรมย์")
        @Nullable @Size(max = 200) String director) {

    UpdateEsa toCommand(String code, IfMatch ifMatch) {
        return new UpdateEsa(code, new Esa.Details(nameTh.strip(), nameEn.strip(),
                director == null || director.isBlank() ? null : director.strip()), ifMatch);
    }
}
