package th.tambon.events.summary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "What the activities of a fiscal year came to, per ESA (esas empty, never left out, in a year "
        + "without activities)")
public record SummaryView(
        @Schema(description = "the fiscal year (BE)", example = "2563") int fiscalYear,
        @Schema(description = "its first day", example = "2019-10-01") LocalDate from,
        @Schema(description = "its last day", example = "2020-09-30") LocalDate to,
        @Schema(description = "one entry per ESA with an activity starting in the year, by ESA code") List<EsaSummaryView> esas) {
}
