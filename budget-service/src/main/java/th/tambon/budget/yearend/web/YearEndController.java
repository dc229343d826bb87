package th.tambon.budget.yearend.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
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
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.budget.yearend.application.ClosingFiscalYears;
import th.tambon.contracts.Codes;
import th.tambon.http.IfMatch;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/fiscal-years/{year}/esas/{esa}")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Year end", description = "An ESA's commitments of a fiscal year, carrying them over past 30 September "
        + "(กันเงินไว้เบิกเหลื่อมปี) and closing the year")
public class YearEndController {
    private final ClosingFiscalYears closing;

    public YearEndController(ClosingFiscalYears closing) {
        this.closing = closing;
    }

    @Get("/commitments")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "listCommitments", summary = "An ESA's commitments of a fiscal year",
            description = "Oldest first; state OPEN, SPENT or RELEASED, or all. OBEC and viewers see every ESA's; an "
                    + "officer its own ESA's.")
    @ApiResponse(responseCode = "200", description = "The commitments")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public List<CommitmentView> commitments(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(description = "only commitments in this state", example = "OPEN")
            @Nullable @QueryValue @Pattern(regexp = "OPEN|SPENT|RELEASED", message = "must be OPEN, SPENT or RELEASED")
            String state,
            Authentication authentication) {
        return Rejections.valueOrThrow(closing.commitments(esa, year, state, Actors.of(authentication))).stream()
                .map(CommitmentView::of).toList();
    }

    @Post("/commitments/{commitment}/carry-over")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "carryCommitmentOver", summary = "Carry an open commitment over past the year's end",
            description = "OBEC or an officer of the ESA, while the year is open: the commitment stays committed and "
                    + "spendable after 30 September against this year's allocation (a CARRIED_OVER ledger entry, "
                    + "th.tambon.budget.commitment-carried-over.v1). Only an open commitment, once (409 otherwise).")
    @ApiResponse(responseCode = "200", description = "The commitment as carried over",
            content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public CommitmentView carryOver(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @PathVariable @Parameter(description = "the commitment's id") UUID commitment,
            @Body @Valid CarryOverRequest request, Authentication authentication) {
        return CommitmentView.of(Rejections.valueOrThrow(closing.carryOver(esa, year, commitment,
                request.reference(), request.withObligation(), Actors.of(authentication))));
    }

    @Post("/closing")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "closeFiscalYear", summary = "Close an ESA's fiscal year",
            description = "OBEC or an officer of the ESA, with If-Match naming the year's ETag (428 without, 412 when "
                    + "stale). Every open commitment must be carried over first (409 listing those that are not); "
                    + "then the year takes no new round, revision, transfer, commitment or expenditure, except the "
                    + "spending of what was carried over (th.tambon.budget.fiscal-year-closed.v1 with what lapses).")
    @ApiResponse(responseCode = "200", description = "The year as closed",
            content = @Content(schema = @Schema(implementation = ClosedView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.PreconditionRequired
    @ProblemResponses.AnyWrite
    public HttpResponse<ClosedView> close(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, example = "\"4\"",
                    description = "the ETag of the fiscal year as read") IfMatch ifMatch,
            Authentication authentication) {
        var closed = Rejections.valueOrThrow(closing.close(esa, year, ifMatch, Actors.of(authentication)));
        return Versions.ok(ClosedView.of(closed), closed.year().version());
    }
}
