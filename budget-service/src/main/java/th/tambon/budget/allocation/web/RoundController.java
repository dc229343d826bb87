package th.tambon.budget.allocation.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import th.tambon.budget.allocation.application.ReadingRounds;
import th.tambon.budget.allocation.application.RecordingRounds;
import th.tambon.contracts.Codes;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

@Controller("/api/v1/fiscal-years/{year}/esas/{esa}/rounds")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Allocation rounds", description = "OBEC's allocation rounds to an ESA in a fiscal year, their lines and "
        + "balances")
public class RoundController {
    private final RecordingRounds recording;
    private final ReadingRounds reading;

    public RoundController(RecordingRounds recording, ReadingRounds reading) {
        this.recording = recording;
        this.reading = reading;
    }

    @Put("/{round}")
    @Secured(Roles.OBEC_ADMIN)
    @Operation(operationId = "recordAllocationRound", summary = "Record OBEC's allocation round to an ESA",
            description = "OBEC only. The round's lines must sum to its amount exactly, in baht with at most two "
                    + "decimals. 201 when recorded (an ALLOCATED ledger entry per line, "
                    + "th.tambon.budget.allocation-round-changed.v1 on budget.v1); the same round again with the same "
                    + "figures is a 200 that changes nothing; other figures are a 409: a round changes only by a "
                    + "revision. A closed fiscal year takes no round (409). The ETag is the ESA's fiscal year's "
                    + "version.")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation =
            RoundView.class)), headers = @Header(name = "ETag", description = "the ESA's fiscal year's version"))
    @ApiResponse(responseCode = "200", description = "Recorded already with the same figures; nothing changed",
            content = @Content(schema = @Schema(implementation = RoundView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public HttpResponse<RoundView> record(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @PathVariable @Parameter(description = "the round's number", example = "2") @Min(1) @Max(99) int round,
            @Body @Valid RoundRequest request, Authentication authentication) {
        var recorded = Rejections.valueOrThrow(recording.record(request.draft(esa, year, round),
                Actors.of(authentication)));
        RoundView view = RoundView.of(recorded.round(), recorded.lines());
        long version = reading.yearVersion(esa, year);
        return (recorded.created() ? HttpResponse.status(HttpStatus.CREATED).body(view) : HttpResponse.ok(view))
                .header("ETag", Versions.etag(version));
    }

    @Get("/{round}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "getAllocationRound", summary = "An allocation round with its lines and balances",
            description = "OBEC and viewers see every ESA's; an ESA officer its own ESA's (403 otherwise).")
    @ApiResponse(responseCode = "200", description = "The round", content = @Content(schema = @Schema(implementation =
            RoundView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<RoundView> get(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @PathVariable @Parameter(description = "the round's number", example = "2") @Min(1) @Max(99) int round,
            Authentication authentication) {
        var found = Rejections.valueOrThrow(reading.round(esa, year, round, Actors.of(authentication)));
        return Versions.ok(RoundView.of(found.round(), found.lines()), reading.yearVersion(esa, year));
    }
}
