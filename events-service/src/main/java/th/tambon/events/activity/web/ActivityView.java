package th.tambon.events.activity.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.activity.application.FundingProgress;
import th.tambon.events.activity.infrastructure.ActivityStepRow;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.events.participation.web.ParticipationView;
import th.tambon.http.FiscalYear;
import th.tambon.http.ThaiDates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Serdeable
@Schema(description = "An activity of an ESA, with its state in Thai and, when read alone, its history")
public record ActivityView(
        @Schema(description = "the activity's id") String id,
        @Schema(example = "P31-4") String esa,
        @Schema(example = "p31-4-workshop-2563-07-21") String ref,
        @Schema(example = "WORKSHOP") String type,
        @Schema(example = "ประชุมปฏิบัติการ") String typeTh,
        String titleTh,
        @Schema(example = "[\"INNOVATION\"]") List<String> tracks,
        @Schema(example = "31040001") @Nullable String venueSchool,
        @Nullable String venue,
        @Nullable String organiser,
        @Nullable String chair,
        @Nullable String chairTitle,
        @Schema(example = "2020-07-21T09:00:00+07:00") OffsetDateTime start,
        @Schema(example = "2020-07-21T16:00:00+07:00") OffsetDateTime end,
        @Schema(description = "the day it starts, in Bangkok", example = "2020-07-21") LocalDate startsOn,
        @Schema(description = "that day as Thai readers write it", example = "21 กรกฎาคม 2563") String startsOnTh,
        @Schema(description = "the academic year (BE) of that day, by schools-service's calendar; null while the "
                + "calendar has not reached events-service", example = "2563") @Nullable Integer academicYear,
        @Schema(description = "the fiscal year (BE) of that day", example = "2563") int fiscalYear,
        List<String> agenda,
        @Schema(type = "object", description = "the budget line it is planned on and, when read alone, where its "
                + "funding stands with budget-service; absent when it needs no funding")
        @Nullable FundingView funding,
        @Schema(description = "what it cost, once reported", type = "string", format = "decimal") @Nullable BigDecimal actualCost,
        @Schema(example = "REPORTED") String state,
        @Schema(example = "รายงานผลแล้ว") String stateTh,
        @Schema(description = "why it is in its state (a cancellation, budget-service's refusal)") @Nullable String reason,
        @Schema(description = "what happened to it, the first first; absent in lists") @Nullable List<StepView> history,
        @Schema(type = "object", description = "who took part, once recorded (PUT …/participation); absent before "
                + "and in lists")
        @Nullable ParticipationView participation,
        @Schema(description = "counts its changes: 1 when drafted; also its ETag", example = "4") long version) {

    static ActivityView of(Activity activity, List<ActivityStepRow> history) {
        return of(activity, history, null, null);
    }

    static ActivityView of(Activity activity, List<ActivityStepRow> history, ParticipationView participation,
                           FundingProgress.Progress progress) {
        ActivityDetails d = activity.details();
        return new ActivityView(activity.id().toString(), activity.esa(), activity.ref(), d.type().name(),
                d.type().labelTh(), d.titleTh(), d.tracks().stream().map(Enum::name).toList(), d.venueSchool(),
                d.venue(), d.organiser(), d.chair(), d.chairTitle(), d.start(), d.end(), activity.startsOn(),
                ThaiDates.format(activity.startsOn()), activity.academicYear(),
                FiscalYear.containing(activity.startsOn()).be(), d.agenda(),
                d.funding() == null ? null : FundingView.of(d, progress),
                activity.actualCost(), activity.state().name(), activity.state().labelTh(), activity.reason(),
                history == null ? null : history.stream().map(StepView::of).toList(), participation,
                activity.version());
    }

    @Serdeable
    @Schema(description = "The budget line an activity is planned on and, when the activity is read alone and asked "
            + "budget-service for it, its current request and budget-service's last word on spending it")
    public record FundingView(
            @Schema(example = "2563") int fiscalYear, @Schema(example = "2") int round,
            @Schema(example = "1") int line,
            @Schema(example = "21700.00", type = "string", format = "decimal") BigDecimal estimate,
            @Schema(description = "the number of its current request to budget-service: 1 for the first, one more "
                    + "each time it is planned again after a rejection; absent before it is asked and in lists",
                    example = "1") @Nullable Integer request,
            @Schema(description = "when that request was last asked") @Nullable Instant requestedAt,
            @Schema(description = "budget-service's last word on spending the commitment on the reported cost: "
                    + "RECORDED, or REFUSED (the commitment stays open; once there is room, report the cost again "
                    + "with POST /api/v1/activities/{id}/funding/cost/retry); absent before it said any",
                    allowableValues = {"RECORDED", "REFUSED"}, example = "REFUSED") @Nullable String spending,
            @Schema(description = "why budget-service refused, for machines", example = "INSUFFICIENT_BALANCE",
                    allowableValues = {"INSUFFICIENT_BALANCE", "OUTSIDE_FISCAL_YEAR", "FISCAL_YEAR_CLOSED",
                            "NOT_COMMITTED", "INVALID_REQUEST"}) @Nullable String spendingReasonCode,
            @Schema(description = "for people: why budget-service refused, or what it spent and released")
            @Nullable String spendingMessage,
            @Schema(description = "when budget-service recorded or refused it") @Nullable Instant spendingAt) {

        static FundingView of(ActivityDetails d, FundingProgress.Progress progress) {
            BigDecimal estimate = d.funding().estimate().setScale(2);
            return progress == null
                    ? new FundingView(d.funding().fiscalYear(), d.funding().round(), d.funding().line(), estimate, null,
                    null, null, null, null, null)
                    : new FundingView(d.funding().fiscalYear(), d.funding().round(), d.funding().line(), estimate,
                    progress.request(), progress.requestedAt(), progress.spending(), progress.spendingReasonCode(),
                    progress.spendingMessage(), progress.spendingAt());
        }
    }

    @Serdeable
    @Schema(description = "One change of an activity")
    public record StepView(
            @Schema(description = "DRAFTED, REVISED, the state it moved to, FUNDING_REQUESTED_AGAIN (its funding "
                    + "asked for once more), COST_REPORTED_AGAIN (its cost reported to budget-service once more), "
                    + "PARTICIPATION_RECORDED, or budget-service's word on its commitment: EXPENDITURE_RECORDED, "
                    + "EXPENDITURE_REFUSED, COMMITMENT_RELEASED, COMMITMENT_CARRIED_OVER", example = "HELD")
            String change,
            @Schema(description = "its state after the change", example = "HELD") String state,
            @Nullable String reason,
            Instant recordedAt,
            @Schema(description = "who: the token's subject, or budget-service for its replies") String recordedBy,
            @Schema(description = "budget-service's reason for a rejection of the funding or a refusal of the cost, "
                    + "for machines", example = "INSUFFICIENT_BALANCE",
                    allowableValues = {"INSUFFICIENT_BALANCE", "FISCAL_YEAR_CLOSED", "UNKNOWN_LINE", "INVALID_REQUEST",
                            "OUTSIDE_FISCAL_YEAR", "NOT_COMMITTED"})
            @Nullable String reasonCode) {
        static StepView of(ActivityStepRow row) {
            return new StepView(row.change(), row.state(), row.reason(), row.recordedAt(), row.recordedBy(),
                    row.reasonCode());
        }
    }
}
