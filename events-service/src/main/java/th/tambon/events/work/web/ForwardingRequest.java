package th.tambon.events.work.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.http.ProgrammeDate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/works/forwardings}. */
@Serdeable
@Schema(description = "An ESA's letter forwarding its selected works to OBEC, all in one batch")
public record ForwardingRequest(
        @Schema(description = "the ESA forwarding them: the ESA of every work", example = "P51-1")
        @NotBlank @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String esa,
        @Schema(description = "the letter's number", example = "ศธ 04142/1234") @NotBlank @Size(max = 100) String documentRef,
        @Schema(description = "the day the letter was sent: not after today", example = "2020-10-05")
        @NotNull @ProgrammeDate LocalDate sentOn,
        @Schema(description = "the works forwarded, each SELECTED and of the ESA, each once")
        @NotNull @Size(min = 1, max = 500) List<@NotNull UUID> works) {
}
