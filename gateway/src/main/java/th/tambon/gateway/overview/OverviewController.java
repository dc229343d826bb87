package th.tambon.gateway.overview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;
import th.tambon.contracts.Codes;
import th.tambon.gateway.export.ExportFormat;
import th.tambon.gateway.export.Exports;
import th.tambon.http.FiscalYear;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.ThaiDates;
import th.tambon.security.Roles;

import java.util.List;

@Controller("/api/v1/overview")
@SecurityRequirement(name = "bearer")
@Tag(name = "Views")
public class OverviewController {
    private final ComposingOverviews composing;
    private final Exports exports;

    public OverviewController(ComposingOverviews composing, Exports exports) {
        this.composing = composing;
        this.exports = exports;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @Secured({Roles.OBEC_ADMIN, Roles.VIEWER})
    @Operation(operationId = "nationalOverview", summary = "Every ESA's fiscal year in one table, for OBEC",
            description = "One row per ESA (schools-service's register) with the ESA report's headline figures, "
                    + "filtered by kind and province, sorted by any column, paged, with the totals of every filtered "
                    + "row. Composed from one call per service, never one per ESA; a source that does not answer "
                    + "leaves its columns null and its section STALE or UNAVAILABLE. format=csv or xlsx gives every "
                    + "filtered row (no paging) and the totals as a file. OBEC and viewers.")
    @ApiResponse(responseCode = "200", description = "The overview",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Overview.class)))
    public Mono<HttpResponse<?>> overview(
            @Parameter(description = "the fiscal year (BE)", example = "2563")
            @NotNull @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "only ESAs of this kind", example = "PRIMARY")
            @Nullable @QueryValue @Pattern(regexp = "PRIMARY|SECONDARY", message = "must be PRIMARY or SECONDARY") String kind,
            @Parameter(description = "only ESAs of this province (2-digit code)", example = "51")
            @Nullable @QueryValue @Pattern(regexp = Codes.PROVINCE, message = "must be a 2-digit province code") String provinceCode,
            @Parameter(description = "a column (esa, nameTh, qualitySchools, spent, executionRate…); a leading - for "
                    + "descending; ties by esa", example = "-spent")
            @QueryValue(defaultValue = "esa") @Pattern(regexp = OverviewRow.Sortable.PATTERN,
                    message = "must be a column of the overview, with an optional leading -") String sort,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "rows per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            @Parameter(description = "json (default), csv or xlsx") @QueryValue(defaultValue = "json") ExportFormat format,
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication authentication) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        return composing.rows(fiscalYear, kind, provinceCode, sort, authentication, authorization).map(all -> {
            if (format != ExportFormat.JSON) {
                return exports.file(format, "overview-" + fiscalYear, OverviewSheets.of(fiscalYear, all));
            }
            int total = all.rows().size();
            List<OverviewRow> items = all.rows().stream().skip((long) page * size).limit(size).toList();
            return HttpResponse.ok(new Overview(fiscalYear, year.firstDay(), year.lastDay(),
                    ThaiDates.format(year.firstDay()), ThaiDates.format(year.lastDay()), kind, provinceCode, sort,
                    items, page, size, total, (total + size - 1) / size, all.totals(), all.sections(),
                    all.staleAsOf(), all.composedAt()));
        });
    }
}
