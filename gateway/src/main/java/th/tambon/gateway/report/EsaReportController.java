package th.tambon.gateway.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
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
import th.tambon.http.ProgrammeDates;
import th.tambon.security.AnyRole;

@Controller("/api/v1/esas/{code}/report")
@SecurityRequirement(name = "bearer")
@Tag(name = "Views", description = "What the gateway composes from the three services")
public class EsaReportController {
    private final ComposingEsaReports composing;
    private final Exports exports;

    public EsaReportController(ComposingEsaReports composing, Exports exports) {
        this.composing = composing;
        this.exports = exports;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @AnyRole
    @Operation(operationId = "esaReport", summary = "An ESA's fiscal year: schools, activities, outcomes and budget",
            description = "Composed from schools-service, events-service and budget-service in parallel, each within "
                    + "its own timeout. A source that does not answer leaves its figures null and its section "
                    + "UNAVAILABLE, or shows its last good answer to this caller as STALE with its time; the rest of "
                    + "the report is complete. format=csv (UTF-8 with BOM) or format=xlsx (a sheet per section, "
                    + "Thai headers, BE dates) for a file. Readers as each service allows: an officer reads its own ESA.")
    @ApiResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EsaReport.class)))
    @ApiResponse(responseCode = "403", description = "The token may not read this ESA's figures")
    @ApiResponse(responseCode = "404", description = "No such ESA is registered")
    public Mono<HttpResponse<?>> report(
            @PathVariable @Parameter(description = "ESA code", example = "P51-1")
            @Pattern(regexp = Codes.ESA, message = "must be an ESA code such as P31-4") String code,
            @Parameter(description = "the fiscal year (BE)", example = "2563")
            @NotNull @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "json (default), csv or xlsx") @QueryValue(defaultValue = "json") ExportFormat format,
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication authentication) {
        return composing.report(code, fiscalYear, authentication, authorization).map(report -> format == ExportFormat.JSON
                ? HttpResponse.ok(report)
                : exports.file(format, "esa-report-" + code + "-" + fiscalYear, EsaReportSheets.of(report)));
    }
}
