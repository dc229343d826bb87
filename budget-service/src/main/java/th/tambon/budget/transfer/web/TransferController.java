package th.tambon.budget.transfer.web;

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
import th.tambon.budget.transfer.application.ReadingTransfers;
import th.tambon.budget.transfer.application.TransferringFunds;
import th.tambon.contracts.Codes;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

@Controller("/api/v1/fiscal-years/{year}/esas/{esa}/transfers")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Transfers", description = "Money moved between two lines of an ESA's fiscal year (โอนเปลี่ยนแปลง), with "
        + "its reason and document")
public class TransferController {
    private final TransferringFunds transferring;
    private final ReadingTransfers reading;

    public TransferController(TransferringFunds transferring, ReadingTransfers reading) {
        this.transferring = transferring;
        this.reading = reading;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "transferFunds", summary = "Move money from one line of an ESA's fiscal year to another",
            description = "OBEC or an officer of the ESA (403 otherwise). If-Match must name the ETag of the ESA's "
                    + "fiscal year the transfer was decided on (428 without, 412 when it changed since). Both lines "
                    + "must be lines of the ESA's rounds in that year (404 naming from or to) and different (422); "
                    + "the amount more than zero with at most two decimals (422). The line the money leaves keeps at "
                    + "least what it has committed and spent (422 with its figures otherwise, nothing changed). A "
                    + "closed fiscal year takes no transfer (409). 201 with the transfer and both lines' balances; "
                    + "th.tambon.budget.funds-transferred.v1 on budget.v1 with the fiscal year's next version, which "
                    + "is the ETag.")
    @ApiResponse(responseCode = "201", description = "Transferred", content = @Content(schema = @Schema(
            implementation = TransferredView.class)),
            headers = @Header(name = "ETag", description = "the ESA's fiscal year's version after the transfer"))
    @ProblemResponses.NotFound
    @ProblemResponses.UnknownReference
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.PreconditionRequired
    @ProblemResponses.AnyWrite
    public HttpResponse<TransferredView> transfer(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = true, example = "\"3\"",
                    description = "the ETag of the ESA's fiscal year the transfer was decided on (GET a round of it)")
            IfMatch ifMatch,
            @Body @Valid TransferRequest request, Authentication authentication) {
        var transferred = Rejections.valueOrThrow(transferring.transfer(request.draft(esa, year), ifMatch,
                Actors.of(authentication)));
        return HttpResponse.status(HttpStatus.CREATED).body(TransferredView.of(transferred))
                .header("ETag", Versions.etag(transferred.version()));
    }

    @Get
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "listTransfers", summary = "An ESA's transfers of a fiscal year, newest first",
            description = "OBEC and viewers see every ESA's; an ESA officer its own ESA's (403 otherwise).")
    @ApiResponse(responseCode = "200", description = "One page of transfers")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<TransferView> list(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563") @Min(2543) @Max(2643) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        var listed = Rejections.valueOrThrow(reading.list(esa, year, page, size, Actors.of(authentication)));
        return PageView.of(listed.page(), row -> TransferView.of(row, listed.lines()));
    }
}
