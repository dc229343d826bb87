package th.tambon.events.funding.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.events.funding.application.AskingAgain;
import th.tambon.events.funding.application.OverdueFunding;
import th.tambon.events.funding.application.ReportingCostAgain;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.time.Instant;
import java.util.UUID;

@Controller("/api/v1/activities")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Funding", description = "The funding saga seen from events-service: activities whose funding request "
        + "budget-service has not answered in time, and asking it again; reporting a cost it refused again")
public class FundingController {
    private final OverdueFunding overdue;
    private final AskingAgain askingAgain;
    private final ReportingCostAgain reportingCostAgain;

    public FundingController(OverdueFunding overdue, AskingAgain askingAgain, ReportingCostAgain reportingCostAgain) {
        this.overdue = overdue;
        this.askingAgain = askingAgain;
        this.reportingCostAgain = reportingCostAgain;
    }

    @Get("/funding/overdue")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @ReadOnly
    @Operation(operationId = "listOverdueFunding", summary = "Activities waiting too long for budget-service's answer",
            description = "Activities still FUNDING_REQUESTED whose request was asked longer ago than "
                    + "tambon.events.funding.reply-deadline (TAMBON_FUNDING_REPLY_DEADLINE, 15 minutes unless "
                    + "configured), the longest waiting first. OBEC sees every ESA's (or esa's); an ESA officer its "
                    + "own ESA's (another esa is a 403). Ask again with POST /api/v1/activities/{id}/funding/retry, or "
                    + "cancel the activity.")
    @ApiResponse(responseCode = "200", description = "One page of overdue requests")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<OverdueFundingView> listOverdue(
            @Parameter(description = "only this ESA's activities", example = "P51-1")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        Instant now = overdue.now();
        var found = Rejections.valueOrThrow(overdue.list(esa, Actors.of(authentication), Pageable.from(page, size)));
        return PageView.of(found, row -> OverdueFundingView.of(row, now));
    }

    @Post("/{id}/funding/retry")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "askForFundingAgain", summary = "Ask budget-service again for an activity's funding",
            description = "OBEC or an officer of the activity's ESA, while the activity is FUNDING_REQUESTED: "
                    + "publishes the same request again (the same request number, so budget-service gives the same "
                    + "answer and never commits twice) with a new requestedAt, so it is no longer overdue; the "
                    + "activity's history says FUNDING_REQUESTED_AGAIN. In any other state a 409 naming it.")
    @ApiResponse(responseCode = "200", description = "The request as it was asked again",
            content = @Content(schema = @Schema(implementation = FundingRequestView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyCall
    public FundingRequestView askAgain(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                       Authentication authentication) {
        return FundingRequestView.of(Rejections.valueOrThrow(askingAgain.askAgain(id, Actors.of(authentication))));
    }

    @Post("/{id}/funding/cost/retry")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "reportCostAgain", summary = "Report a funded activity's cost to budget-service again",
            description = "OBEC or an officer of the activity's ESA, when the activity is REPORTED or CLOSED, was "
                    + "funded, and budget-service's last word on its cost is a refusal (the activity's funding.spending "
                    + "is REFUSED, with its reason; a transfer may have made room since): publishes the same cost of "
                    + "the same request, spent on the same day, again (activity.cost-reported.v1, the funding's next "
                    + "version, a new reportedAt); the activity's history says COST_REPORTED_AGAIN. Otherwise a 409 "
                    + "naming why (its state, no funding, or a cost not refused).")
    @ApiResponse(responseCode = "200", description = "The cost as it was reported again",
            content = @Content(schema = @Schema(implementation = CostReportView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyCall
    public CostReportView reportCostAgain(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                          Authentication authentication) {
        return CostReportView.of(Rejections.valueOrThrow(reportingCostAgain.reportAgain(id,
                Actors.of(authentication))));
    }
}
