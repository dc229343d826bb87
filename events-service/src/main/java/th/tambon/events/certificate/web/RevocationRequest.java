package th.tambon.events.certificate.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/certificates/{id}/revocation}. */
@Serdeable
@Schema(description = "Why a certificate is revoked")
public record RevocationRequest(
        @Schema(example = "มอบซ้ำกับเกียรติบัตรที่ 11/2563") @NotBlank @Size(max = 500) String reason) {
}
