package th.tambon.budget.yearend.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST …/commitments/{id}/carry-over}. */
@Serdeable
@Schema(description = "A reservation of an open commitment past the fiscal year's end")
public record CarryOverRequest(
        @Schema(description = "the document of the reservation", example = "ศธ 04002/ว5678")
        @NotBlank @Size(max = 100) String reference,
        @Schema(description = "whether a binding obligation (มีหนี้ผูกพัน) backs it") boolean withObligation) {
}
