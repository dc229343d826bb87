package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.budget.allocation.application.ReadingFiscalYears;
import th.tambon.budget.allocation.infrastructure.MovementRepository;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.contracts.Codes;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

@Controller("/api/v1/fiscal-years/{year}")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Fiscal years", description = "The budget of a fiscal year (ปีงบประมาณ, BE: FY2563 is 2019-10-01 to "
        + "2020-09-30): per ESA with its rounds, lines, balances and ledger, and across ESAs in one call")
public class FiscalYearController {
    private final ReadingFiscalYears reading;
    private final MovementRepository movements;

    public FiscalYearController(ReadingFiscalYears reading, MovementRepository movements) {
        this.reading = reading;
        this.movements = movements;
    }

    @Get
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "getFiscalYear", summary = "What every ESA's fiscal year came to, in one call",
            description = "Per ESA with a round in the year (by code): closed or not, its rounds, allocated, "
                    + "committed, spent, remaining and execution rate, summed over its lines in one statement; and "
                    + "the year's totals over them. OBEC and viewers get every ESA; an ESA officer its own ESA only. "
                    + "An empty list when no ESA has a round in the year.")
    @ApiResponse(responseCode = "200", description = "The fiscal year across ESAs",
            content = @Content(schema = @Schema(implementation = YearView.class)))
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public YearView year(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            Authentication authentication) {
        return YearView.of(year, Rejections.valueOrThrow(reading.perEsa(year, Actors.of(authentication))));
    }

    @Get("/esas/{esa}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "getEsaFiscalYear", summary = "An ESA's fiscal year: totals, by category, rounds, lines",
            description = "Its first and last days (also in Thai), whether it is closed, what its lines come to in "
                    + "all and per category (the categories with a line), and its rounds with their lines and "
                    + "balances. The ETag is the year's version, which a revision names in If-Match. OBEC and "
                    + "viewers read every ESA's, an ESA officer its own ESA's (403 otherwise); 404 when the ESA has "
                    + "no round in the year.")
    @ApiResponse(responseCode = "200", description = "The ESA's fiscal year",
            content = @Content(schema = @Schema(implementation = EsaYearView.class)),
            headers = @Header(name = "ETag", description = "the ESA's fiscal year's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public HttpResponse<EsaYearView> esaYear(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            Authentication authentication) {
        var read = Rejections.valueOrThrow(reading.esaYear(esa, year, Actors.of(authentication)));
        return Versions.ok(EsaYearView.of(read), read.year().version());
    }

    @Get("/esas/{esa}/movements")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.VIEWER})
    @ReadOnly
    @Operation(operationId = "listEsaFiscalYearMovements", summary = "An ESA's fiscal year's ledger, newest first",
            description = "Every movement of money on its lines (allocated, revised, transferred in and out, "
                    + "committed, released, spent, carried over), newest first, by round, line and kind, a page at a "
                    + "time. Who may read it and the 404 are those of the ESA's fiscal year.")
    @ApiResponse(responseCode = "200", description = "One page of movements")
    @ProblemResponses.NotFound
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<MovementView> movements(
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            @PathVariable @Parameter(description = "the ESA's code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P51-1") String esa,
            @Parameter(description = "only the lines of this round", example = "2")
            @Nullable @QueryValue @Min(1) @Max(99) Integer round,
            @Parameter(description = "only lines with this number (in each round, or in round=)", example = "1")
            @Nullable @QueryValue @Min(1) @Max(999) Integer line,
            @Parameter(description = "only movements of this kind", example = "COMMITTED", schema = @Schema(
                    type = "string", allowableValues = {"ALLOCATED", "REVISED", "TRANSFERRED_IN", "TRANSFERRED_OUT",
                    "COMMITTED", "RELEASED", "SPENT", "CARRIED_OVER"}))
            @Nullable @QueryValue EntryKind kind,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        Rejections.valueOrThrow(reading.readable(esa, year, Actors.of(authentication)));
        return PageView.of(movements.page(esa, year, round, line, kind == null ? null : kind.name(),
                Pageable.from(page, size)), MovementView::of);
    }
}
