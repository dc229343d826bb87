package th.tambon.budget.allocation.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.budget.allocation.application.RevisingRounds;
import th.tambon.contracts.Codes;
import th.tambon.http.IfMatch;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

@Controller("/api/v1/fiscal-years/{year}/esas/{esa}/rounds/{round}/revisions")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Allocation rounds")
public class RoundRevisionController {
    private final RevisingRounds revising;

    public RoundRevisionController(RevisingRounds revising) {
        this.revising = revising;
    }

    @Post
    @Secured(Roles.OBEC_ADMIN)
    @Operation(operationId = "reviseAllocationRound", summary = "Revise an allocation round's lines",
            description = "OBEC only, naming in If-Match the ETag of the ESA's fiscal year it read (428 without one, "
                    + "412 when the year changed since). Each line listed takes its new amount; each one that changes "
                    + "gets a REVISED ledger entry with the difference, the reason and the letter, and the round's "
                    + "amount becomes the sum of its lines' (originalAmount keeps what was received). A line never "
                    + "goes below what it has committed and spent (422 naming the line and the figures); a line the "
                    + "round does not have is a 404 naming it; a closed fiscal year is revised no more (409). Then "
                    + "nothing changes. A revision that leaves every line as it is changes nothing and publishes "
                    + "nothing; otherwise th.tambon.budget.allocation-round-changed.v1 (REVISED, with the reason) goes "
                    + "on budget.v1.")
    @ApiResponse(responseCode = "200", description = "The round as it now is",
            content = @Content(schema = @Schema(implementation = RoundView.class)),
            headers = @Header(name = "ETag", description = "the ESA's fiscal year's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.UnknownReference
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.PreconditionRequired
    @ProblemResponses.AnyWrite
    public HttpResponse<RoundView> revise(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @PathVariable @Parameter(description = "the round's number", example = "1") @Min(1) @Max(99) int round,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, example = "\"2\"",
                    description = "the ETag of the ESA's fiscal year as read (GET …/fiscal-years/{year}/esas/{esa} "
                            + "or a round of it); 428 without it, 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid RevisionRequest request, Authentication authentication) {
        var revised = Rejections.valueOrThrow(revising.revise(esa, year, round, request.revision(), ifMatch,
                Actors.of(authentication)));
        return Versions.ok(RoundView.of(revised.round(), revised.lines()), revised.version());
    }
}
