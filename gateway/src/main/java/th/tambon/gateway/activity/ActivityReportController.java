package th.tambon.gateway.activity;

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
import reactor.core.publisher.Mono;
import th.tambon.gateway.export.ExportFormat;
import th.tambon.gateway.export.Exports;
import th.tambon.security.AnyRole;

import java.util.UUID;

@Controller("/api/v1/activities/{id}/report")
@SecurityRequirement(name = "bearer")
@Tag(name = "Views")
public class ActivityReportController {
    private final ComposingActivityReports composing;
    private final Exports exports;

    public ActivityReportController(ComposingActivityReports composing, Exports exports) {
        this.composing = composing;
        this.exports = exports;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE})
    @AnyRole
    @Operation(operationId = "activityReport", summary = "An activity: its details and funding, history, "
            + "participants by role and certificates",
            description = "Composed from events-service alone: the activity and every certificate awarded at it (up "
                    + "to " + ComposingActivityReports.MAX_CERTIFICATES + ", asked " + ComposingActivityReports.PAGE
                    + " at a time), within its timeout. When events-service does not answer, the parts are null and "
                    + "the events section STALE (its last good answer to this caller) or UNAVAILABLE. format=csv or "
                    + "xlsx for a file, a sheet per part. Readers as events-service allows: a school director reads "
                    + "the activities of its school's ESA.")
    @ApiResponse(responseCode = "200", description = "The activity's report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityReport.class)))
    @ApiResponse(responseCode = "403", description = "The token may not read this activity")
    @ApiResponse(responseCode = "404", description = "No such activity")
    public Mono<HttpResponse<?>> report(
            @PathVariable @Parameter(description = "the activity's id") UUID id,
            @Parameter(description = "json (default), csv or xlsx") @QueryValue(defaultValue = "json") ExportFormat format,
            @Header(HttpHeaders.AUTHORIZATION) String authorization,
            Authentication authentication) {
        return composing.report(id, authentication, authorization).map(report -> format == ExportFormat.JSON
                ? HttpResponse.ok(report)
                : exports.file(format, "activity-report-" + id, ActivityReportSheets.of(report)));
    }
}
