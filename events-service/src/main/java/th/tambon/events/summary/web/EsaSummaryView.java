package th.tambon.events.summary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

@Serdeable
@Schema(description = "What an ESA's activities of a period came to")
public record EsaSummaryView(
        @Schema(example = "P51-1") String esa,
        @Schema(description = "every activity starting in the period, whatever its state", example = "3") long activities,
        // an ESA without activities has {} here, not nothing: every entry has the same fields
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "activities by type", example = "{\"SYMPOSIUM\": 1, \"WORKSHOP\": 2}") Map<String, Long> byType,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "activities by state", example = "{\"REPORTED\": 1, \"PLANNED\": 2}") Map<String, Long> byState,
        @Schema(description = "held: HELD, REPORTED or CLOSED", example = "1") long held,
        @Schema(description = "participants recorded for them (each activity's total)", example = "104") long participants,
        @Schema(description = "certificates awarded at them and not revoked", example = "31") long certificates,
        @Schema(description = "works presented at them", example = "12") long worksPresented,
        @Schema(description = "of those, selected by the ESA (forwarded ones included)", example = "5") long worksSelected,
        @Schema(description = "of those, forwarded to OBEC", example = "5") long worksForwarded) {
}
