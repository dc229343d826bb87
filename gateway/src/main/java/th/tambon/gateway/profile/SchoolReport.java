package th.tambon.gateway.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.SectionStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A school's profile: what schools-service registers of it and what events-service holds about it, in one answer. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "A school: its registration, designation history, networks and plans (schools), the activities "
        + "it hosted or attended, its certificates, works and ITA results and the baht spent on what it hosted "
        + "(events); null parts where their source is unavailable")
public record SchoolReport(
        @Schema(example = "51910001") String code,
        @Schema(description = "the fiscal year (BE) the activities, certificates, works and ITA are limited to; "
                + "null for all") @Nullable Integer fiscalYear,
        @Schema(type = "object", description = "the school as registered") @Nullable Answers.School school,
        @Nullable List<Answers.Designation> designations,
        @Nullable List<Answers.Network> networks,
        @Nullable List<Answers.Plan> plans,
        @Nullable List<Answers.Activity> hosted,
        @Nullable List<Answers.Activity> attended,
        @Nullable List<Answers.Certificate> certificates,
        @Nullable List<Answers.Work> works,
        @Nullable List<Answers.SchoolIta> ita,
        @Schema(description = "baht budget-service recorded as spent on the activities it hosted", example = "21700.00")
        @Nullable String spentOnHosted,
        @Schema(description = "whether events-service cut a list at 500 entries") @Nullable Boolean truncated,
        @Schema(description = "each source's status: OK, STALE or UNAVAILABLE") Map<String, SectionStatus> sections,
        @Schema(description = "for each STALE section, when its source gave the answer shown") Map<String, Instant> staleAsOf,
        Instant composedAt) {
}
