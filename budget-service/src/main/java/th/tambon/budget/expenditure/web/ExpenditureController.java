package th.tambon.budget.expenditure.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import th.tambon.budget.expenditure.application.ReadingExpenditures;
import th.tambon.budget.expenditure.application.RecordingExpenditures;
import th.tambon.contracts.Codes;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

@Controller("/api/v1/fiscal-years/{year}/esas/{esa}/expenditures")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Expenditures", description = "Money spent on an ESA's lines (เบิกจ่าย): direct expenditures, and "
        + "activities' actual costs through the funding saga")
public class ExpenditureController {
    private final RecordingExpenditures recording;
    private final ReadingExpenditures reading;

    public ExpenditureController(RecordingExpenditures recording, ReadingExpenditures reading) {
        this.recording = recording;
        this.reading = reading;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "recordExpenditure", summary = "Record money spent on a line without an activity",
            description = "OBEC or an officer of the ESA (403 otherwise). The line must be a line of the ESA's rounds "
                    + "in that fiscal year (404 naming line), the amount more than zero with at most two decimals "
                    + "(422) and no more than the line has remaining (422, INSUFFICIENT_BALANCE with the remaining, "
                    + "nothing changed); spentOn must lie inside the fiscal year (422 naming its first and last "
                    + "day). A closed fiscal year takes nothing (409). If-Match is optional (412 when it names "
                    + "another version of the fiscal year). documentRef, the voucher (ฎีกา), names one expenditure of "
                    + "the ESA's year: the same expenditure sent again with it is a 200 that records nothing (a "
                    + "retry), another with it a 409. 201 with the expenditure and its line's balance; "
                    + "th.tambon.budget.expenditure-recorded.v1 on budget.v1 with the fiscal year's next version, "
                    + "which is the ETag.")
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(
            implementation = ExpenditureRecordedView.class)),
            headers = @Header(name = "ETag", description = "the ESA's fiscal year's version after the expenditure"))
    @ApiResponse(responseCode = "200", description = "Recorded already with this document and these figures; "
            + "nothing changed", content = @Content(schema = @Schema(implementation = ExpenditureRecordedView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.UnknownReference
    @ProblemResponses.Conflict
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<ExpenditureRecordedView> record(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"3\"",
                    description = "the ETag of the ESA's fiscal year (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid ExpenditureRequest request, Authentication authentication) {
        var recorded = Rejections.valueOrThrow(recording.record(request.draft(esa, year), ifMatch,
                Actors.of(authentication)));
        return HttpResponse.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ExpenditureRecordedView.of(recorded))
                .header("ETag", Versions.etag(recorded.version()));
    }

    @Get
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "listExpenditures", summary = "What an ESA spent in a fiscal year, newest first",
            description = "Direct expenditures and activities' actual costs, by the day spent, latest first. OBEC "
                    + "and viewers see every ESA's; an ESA officer its own ESA's (403 otherwise).")
    @ApiResponse(responseCode = "200", description = "One page of expenditures")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<ExpenditureView> list(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        var listed = Rejections.valueOrThrow(reading.list(esa, year, page, size, Actors.of(authentication)));
        return PageView.of(listed.page(), row -> ExpenditureView.of(row, listed.lines().get(row.lineId())));
    }
}
