package th.tambon.gateway.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.SectionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An activity as its page shows it: what events-service holds of it and every certificate awarded at it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "An activity: its details and funding, its history, who took part by role and the certificates "
        + "awarded at it (events); null parts where events-service is unavailable")
public record ActivityReport(
        @Schema(description = "the activity's id") String id,
        @Schema(type = "object", description = "the activity (null when events is unavailable)") @Nullable Activity activity,
        @Schema(description = "what happened to it, the first first") @Nullable List<Answers.Step> history,
        @Schema(type = "object", description = "who took part, by role and in all; null before it is recorded (or "
                + "when events is unavailable)") @Nullable Answers.Participation participation,
        @Schema(description = "the certificates awarded at it, in number order")
        @Nullable List<Answers.ActivityCertificate> certificates,
        @Schema(description = "how many certificates it has (more than listed when truncated)", example = "31")
        @Nullable Long certificatesTotal,
        @Schema(description = "whether it has more than " + ComposingActivityReports.MAX_CERTIFICATES
                + " certificates, of which only the first are listed") @Nullable Boolean truncated,
        @Schema(description = "each source's status: OK, STALE or UNAVAILABLE", example = "{\"events\": \"OK\"}")
        Map<String, SectionStatus> sections,
        @Schema(description = "for each STALE section, when its source gave the answer shown") Map<String, Instant> staleAsOf,
        @Schema(description = "when the gateway composed this report") Instant composedAt) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "An activity of an ESA, with its state in Thai")
    public record Activity(
            @Schema(description = "the activity's id") String id,
            @Schema(example = "P51-1") String esa,
            @Schema(example = "p51-1-symposium-2563-09-28") String ref,
            @Schema(example = "SYMPOSIUM") String type,
            @Schema(example = "สัมมนา") String typeTh,
            String titleTh,
            @Schema(example = "REPORTED") String state,
            @Schema(example = "รายงานผลแล้ว") String stateTh,
            @Schema(description = "why it is in its state (a cancellation, budget-service's refusal)") @Nullable String reason,
            @Schema(description = "the day it starts, in Bangkok", example = "2020-09-28") LocalDate startsOn,
            @Schema(example = "28 กันยายน 2563") String startsOnTh,
            @Nullable String venue,
            @Nullable String organiser,
            @Nullable String chair,
            @Schema(type = "object", description = "the budget line it is planned on and where its funding stands; "
                    + "null when it needs no funding") @Nullable Funding funding,
            @Schema(description = "baht it cost, once reported", example = "21700.00") @Nullable String actualCost) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(description = "The budget line an activity is planned on and budget-service's word on it")
    public record Funding(
            @Schema(description = "the fiscal year (BE)", example = "2563") int fiscalYear,
            @Schema(example = "2") int round,
            @Schema(example = "1") int line,
            @Schema(description = "baht asked for", example = "21700.00") String estimate,
            @Schema(description = "the number of its current request to budget-service", example = "1") @Nullable Integer request,
            @Schema(description = "when that request was last asked") @Nullable Instant requestedAt,
            @Schema(description = "budget-service's last word on spending: RECORDED or REFUSED", example = "RECORDED")
            @Nullable String spending,
            @Schema(description = "for people: why budget-service refused, or what it spent and released")
            @Nullable String spendingMessage) {
    }
}
