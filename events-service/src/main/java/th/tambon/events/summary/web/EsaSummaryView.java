package th.tambon.events.summary.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
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
        @Schema(description = "of those, forwarded to OBEC", example = "5") long worksForwarded,
        @Schema(description = "held activities by the month (YYYY-MM) they start in: the fiscal year's twelve months, "
                + "October to September, in order, zeros included",
                example = "{\"2019-10\": 0, \"2019-11\": 0, \"2019-12\": 0, \"2020-01\": 0, \"2020-02\": 0, "
                        + "\"2020-03\": 0, \"2020-04\": 0, \"2020-05\": 0, \"2020-06\": 0, \"2020-07\": 1, "
                        + "\"2020-08\": 0, \"2020-09\": 2}")
        Map<String, Long> heldByMonth,
        @Schema(description = "participants recorded for the held activities only (the domain records participation "
                + "only once an activity is held, so this equals participants unless rows came from elsewhere)",
                example = "104") long participantsHeld,
        @Schema(description = "distinct schools the held activities reached: their venue school, schools awarded a "
                + "certificate at one (not revoked), schools whose works were presented at one and the schools their "
                + "participation lists as having attended", example = "7")
        long schoolsReached,
        @Schema(description = "the ESA's schools' ITA results for the fiscal year by level, every level AA to F in "
                + "that order, zeros included",
                example = "{\"AA\": 2, \"A\": 5, \"B\": 1, \"C\": 0, \"D\": 0, \"E\": 0, \"F\": 0}")
        Map<String, Long> itaLevels,
        // null, not absent, when the ESA has no result for the year
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(type = "object", nullable = true,
                description = "the ESA's own ITA result for the fiscal year; null when none is recorded")
        @Nullable Ita esaIta) {

    @Serdeable
    @Schema(description = "An ITA result: its score and level")
    public record Ita(
            @Schema(example = "94.99", type = "number") BigDecimal score,
            @Schema(example = "A", allowableValues = {"AA", "A", "B", "C", "D", "E", "F"}) String level) {
    }
}
