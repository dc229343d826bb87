package th.tambon.gateway.profile;

import io.micronaut.core.annotation.Nullable;
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
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;
import th.tambon.contracts.Codes;
import th.tambon.gateway.export.ExportFormat;
import th.tambon.gateway.export.Exports;
import th.tambon.http.ProgrammeDates;
import th.tambon.security.AnyRole;

@Controller("/api/v1/schools/{code}/report")
@SecurityRequirement(name = "bearer")
@Tag(name = "Views")
public class SchoolReportController {
    private final ComposingSchoolReports composing;
    private final Exports exports;

    public SchoolReportController(ComposingSchoolReports composing, Exports exports) {
        this.composing = composing;
        this.exports = exports;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @AnyRole
    @Operation(operationId = "schoolReport", summary = "A school's profile: registration, designations, networks, "
            + "plans, activities, certificates, works, ITA and baht spent on what it hosted",
            description = "Composed from schools-service (the school's profile) and events-service (the school's "
                    + "record) in parallel, each within its own timeout; a source that does not answer leaves its "
                    + "parts null and its section STALE or UNAVAILABLE. fiscalYear limits activities, certificates, "
                    + "works and ITA to that year. format=csv or xlsx for a file, a sheet per part. Readers as each "
                    + "service allows: a director reads its own school.")
    @ApiResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolReport.class)))
    @ApiResponse(responseCode = "403", description = "The token may not read this school")
    @ApiResponse(responseCode = "404", description = "No such school is registered")
    public Mono<HttpResponse<?>> report(
            @PathVariable @Parameter(description = "SMIS code", example = "51910001")
            @Pattern(regexp = Codes.SMIS, message = "must be an 8-digit SMIS code") String code,
            @Parameter(description = "only this fiscal year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "json (default), csv or xlsx") @QueryValue(defaultValue = "json") ExportFormat format,
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication authentication) {
        return composing.report(code, fiscalYear, authentication, authorization).map(report -> format == ExportFormat.JSON
                ? HttpResponse.ok(report)
                : exports.file(format, "school-report-" + code + (fiscalYear == null ? "" : "-" + fiscalYear),
                        SchoolReportSheets.of(report)));
    }
}
