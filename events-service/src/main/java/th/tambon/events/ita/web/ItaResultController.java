package th.tambon.events.ita.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import th.tambon.contracts.Codes;
import th.tambon.events.ita.application.RecordingItaResults;
import th.tambon.events.ita.infrastructure.ItaResultRepository;
import th.tambon.events.ita.infrastructure.ItaResultRow;
import th.tambon.events.ita.model.ItaLevel;
import th.tambon.events.ita.model.ItaResult;
import th.tambon.events.ita.model.SubjectType;
import th.tambon.http.ApiProblemException;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.net.URI;
import java.util.Locale;

@Controller("/api/v1/ita-results")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "ITA results", description = "The integrity and transparency assessment (ITA) of schools and ESAs per "
        + "fiscal year: score, level (AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99, F below "
        + "50) and the IIT, EIT and OIT instruments; th.tambon.ita.result-recorded.v1 announces each change")
public class ItaResultController {
    private static final Sort LISTED = Sort.of(Sort.Order.desc("fiscalYear"), Sort.Order.asc("subjectType"),
            Sort.Order.asc("code"));
    private static final String SUBJECT_TYPES = "school|esa";

    private final RecordingItaResults recording;
    private final ItaResultRepository rows;

    public ItaResultController(RecordingItaResults recording, ItaResultRepository rows) {
        this.recording = recording;
        this.rows = rows;
    }

    @Put("/{subjectType}/{code}/{fiscalYear}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "recordItaResult", summary = "Record or change the ITA result of a school or an ESA",
            description = "OBEC or an officer of the ESA (for a school, its ESA by events-service's replica). The same "
                    + "scores again change nothing; other scores change it, and If-Match (optional) refuses a change "
                    + "based on an older version with 412 (and any If-Match where there is no result yet).")
    @ApiResponse(responseCode = "200", description = "The result as it now is (changed, or already so)",
            content = @Content(schema = @Schema(implementation = ItaResultView.class)),
            headers = @Header(name = "ETag", description = "the result's version"))
    @ApiResponse(responseCode = "201", description = "Recorded for the first time",
            content = @Content(schema = @Schema(implementation = ItaResultView.class)),
            headers = {@Header(name = "Location", description = "the result"),
                    @Header(name = "ETag", description = "the result's version")})
    @ProblemResponses.NotFound
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<ItaResultView> record(
            @PathVariable @Parameter(description = "school or esa", example = "school")
            @Pattern(regexp = SUBJECT_TYPES, message = "must be school or esa") String subjectType,
            @PathVariable @Parameter(description = "the school's SMIS code or the ESA's code", example = "51910001")
            String code,
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int fiscalYear,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid ItaResultRequest request, Authentication authentication) {
        SubjectType type = subjectType(subjectType, code);
        var recorded = Rejections.valueOrThrow(recording.record(type, code, fiscalYear, request.score(),
                request.iit(), request.eit(), request.oit(), ifMatch, Actors.of(authentication)));
        ItaResult result = recorded.value();
        ItaResultView view = ItaResultView.of(rows.findById(result.key()).orElseThrow());
        if (recorded.changed() && result.version() == 1) {
            return HttpResponse.created(view, URI.create(path(subjectType, code, fiscalYear)))
                    .header("ETag", Versions.etag(result.version()));
        }
        return Versions.ok(view, result.version());
    }

    @Get("/{subjectType}/{code}/{fiscalYear}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getItaResult", summary = "The ITA result of a school or an ESA for a fiscal year",
            description = "Anyone with a token: ITA results are published.")
    @ApiResponse(responseCode = "200", description = "The result",
            content = @Content(schema = @Schema(implementation = ItaResultView.class)),
            headers = @Header(name = "ETag", description = "the result's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public HttpResponse<ItaResultView> get(
            @PathVariable @Parameter(description = "school or esa", example = "school")
            @Pattern(regexp = SUBJECT_TYPES, message = "must be school or esa") String subjectType,
            @PathVariable @Parameter(description = "the school's SMIS code or the ESA's code", example = "51910001")
            String code,
            @PathVariable @Parameter(description = "the fiscal year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int fiscalYear) {
        SubjectType type = subjectType(subjectType, code);
        ItaResultRow row = rows.findById(ItaResult.key(code, fiscalYear))
                .filter(r -> r.subjectType().equals(type.name()))
                .orElseThrow(() -> ApiProblemException.notFound("No ITA result of " + subjectType + " " + code
                        + " for fiscal year " + fiscalYear));
        return Versions.ok(ItaResultView.of(row), row.version());
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listItaResults", summary = "ITA results by ESA, fiscal year and level, a page at a time",
            description = "esa= gives the ESA's own result and its schools'. Latest fiscal year first, the ESA's "
                    + "before its schools', then by code.")
    @ApiResponse(responseCode = "200", description = "One page of results")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<ItaResultView> list(
            @Parameter(description = "only this ESA's own result and its schools'", example = "P51-1")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only this fiscal year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) Integer fiscalYear,
            @Parameter(description = "only results of this level", example = "AA",
                    schema = @Schema(type = "string", allowableValues = {"AA", "A", "B", "C", "D", "E", "F"}))
            @Nullable @QueryValue ItaLevel level,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(rows.list(esa, fiscalYear, level == null ? null : level.name(),
                Pageable.from(page, size, LISTED)), ItaResultView::of);
    }

    /** The subject type of the path, its code of the right form: an SMIS code for a school, an ESA code for an ESA. */
    private static SubjectType subjectType(String subjectType, String code) {
        SubjectType type = SubjectType.valueOf(subjectType.toUpperCase(Locale.ROOT));
        String pattern = type == SubjectType.SCHOOL ? Codes.SMIS : Codes.ESA;
        if (!code.matches(pattern)) {
            throw ApiProblemException.invalidField("code", type == SubjectType.SCHOOL
                    ? "must be the 8-digit SMIS code of a school" : "must be an ESA code such as P31-4");
        }
        return type;
    }

    private static String path(String subjectType, String code, int fiscalYear) {
        return "/api/v1/ita-results/" + subjectType + "/" + code + "/" + fiscalYear;
    }
}
