package th.tambon.gateway.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.gateway.sources.SectionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An ESA's fiscal year as its staff and OBEC read it, composed from the three services. The eight headline figures
 * carry the names of a scenario's {@code expect} entries, at the top level; a figure whose source is unavailable is
 * null (never a zero that is not one), and {@code sections} says which.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "An ESA's fiscal year: quality schools, activities and their outcomes, and the budget, with "
        + "each source's status in `sections`")
public record EsaReport(
        @Schema(example = "P51-1") String esa,
        @Schema(description = "the fiscal year (BE)", example = "2563") int fiscalYear,
        @Schema(example = "2019-10-01") LocalDate firstDay,
        @Schema(example = "2020-09-30") LocalDate lastDay,
        @Schema(example = "1 ตุลาคม 2562") String firstDayTh,
        @Schema(example = "30 กันยายน 2563") String lastDayTh,
        @Schema(type = "object", description = "the office as schools-service registers it (null when schools is unavailable)")
        @Nullable Office office,
        @Schema(description = "quality schools active on the year's last day", example = "31") @Nullable Long qualitySchools,
        @Schema(description = "schools registered in the ESA", example = "31") @Nullable Long schools,
        @Schema(description = "activities held (HELD, REPORTED, CLOSED) starting inside the year", example = "1")
        @Nullable Long activitiesHeld,
        @Schema(description = "participants of those activities", example = "104") @Nullable Long participantsTotal,
        @Schema(description = "certificates awarded at the year's activities and not revoked", example = "31")
        @Nullable Long certificatesAwarded,
        @Schema(description = "baht allocated (as revised, with transfers)", example = "218700.00") @Nullable String allocated,
        @Schema(description = "baht committed to activities and not yet spent or released", example = "0.00")
        @Nullable String committed,
        @Schema(example = "21700.00") @Nullable String spent,
        @Schema(description = "allocated − committed − spent", example = "197000.00") @Nullable String remaining,
        @Schema(description = "spent ÷ allocated, percent", example = "9.92") @Nullable String executionRate,
        @Schema(type = "object", description = "the year's activities by type, state and month") @Nullable Activities activities,
        @Schema(type = "object", description = "works presented at the year's activities") @Nullable Works works,
        @Schema(type = "object", description = "ITA results of the year") @Nullable Ita ita,
        @Schema(type = "object", description = "the budget by category and by round and line") @Nullable Budget budget,
        @Schema(description = "money linked to outcomes") Outcomes outcomes,
        @Schema(description = "each source's status: OK, STALE (its last good answer, as of staleAsOf) or UNAVAILABLE",
                example = "{\"schools\": \"OK\", \"events\": \"OK\", \"budget\": \"STALE\"}")
        Map<String, SectionStatus> sections,
        @Schema(description = "for each STALE section, when its source gave the answer shown") Map<String, Instant> staleAsOf,
        @Schema(description = "when the gateway composed this report") Instant composedAt) {

    @Serdeable
    @Schema(description = "An ESA office")
    public record Office(String code, String nameTh, @Nullable String nameEn, String kind,
                         @Nullable String provinceCode, @Nullable String province) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Activities(
            @Schema(description = "every activity starting in the year, whatever its state") long total,
            Map<String, Long> byType, Map<String, Long> byState,
            @Schema(description = "held activities per month of the year, October first") List<Month> heldByMonth) {
    }

    @Serdeable
    public record Month(@Schema(example = "2020-09") String month, @Schema(example = "กันยายน 2563") String monthTh,
                        long held) {
    }

    @Serdeable
    public record Works(long presented, long selected, long forwarded) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ita(@Schema(description = "the ESA's quality schools' results per level, AA to F") Map<String, Long> schoolLevels,
                      @Schema(description = "the ESA's own score") @Nullable String esaScore,
                      @Schema(description = "the ESA's own level") @Nullable String esaLevel) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Budget(boolean closed, Map<String, Money> byCategory, List<Round> rounds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Money(String allocated, String committed, String spent, String remaining,
                        @Nullable String executionRate) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Round(int round, @Nullable LocalDate receivedOn, @Nullable String receivedOnTh,
                        @Nullable String documentRef, Money money, List<Line> lines) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(int line, String category, @Nullable String purposeTh, Money money) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "What the money reached: spent ÷ participants and ÷ schools reached (null when either is "
            + "unknown or zero)")
    public record Outcomes(@Nullable Long schoolsReached, @Nullable String costPerParticipant,
                           @Nullable String costPerSchoolReached) {
    }
}
