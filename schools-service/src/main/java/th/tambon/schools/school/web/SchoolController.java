package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
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
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.schools.school.application.RegisteringSchool;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.shared.Rejections;

import java.net.URI;

@Controller("/api/v1/schools")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Schools", description = "Schools by their 8-digit SMIS code; schools.v1 announces each change")
public class SchoolController {
    private static final Sort BY_CODE = Sort.of(Sort.Order.asc("code"));
    private final RegisteringSchool registering;
    private final SchoolRepository schools;

    public SchoolController(RegisteringSchool registering, SchoolRepository schools) {
        this.registering = registering;
        this.schools = schools;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "registerSchool", summary = "Register a school under a registered ESA",
            description = "Stores the school and announces th.tambon.school.registered.v1 on schools.v1 in one transaction.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = SchoolView.class)),
            headers = @Header(name = "Location", description = "the path of the new school"))
    @ProblemResponses.MalformedRequest
    @ProblemResponses.UnknownReference
    @ProblemResponses.Conflict
    @ProblemResponses.PayloadTooLarge
    @ProblemResponses.Validation
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ProblemResponses.Unexpected
    public HttpResponse<SchoolView> register(@Body @Valid RegisterSchoolRequest request, Authentication authentication) {
        var school = Rejections.valueOrThrow(registering.register(request.toCommand(), Actors.of(authentication)));
        return HttpResponse.created(SchoolView.of(school), URI.create("/api/v1/schools/" + school.code()));
    }

    @Get("/{code}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getSchool", summary = "One school by its SMIS code")
    @ApiResponse(responseCode = "200", description = "The school")
    @ProblemResponses.NotFound
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ProblemResponses.Unexpected
    public SchoolView get(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        return schools.find(code).map(SchoolView::of)
                .orElseThrow(() -> ApiProblemException.notFound("No school with SMIS code " + code));
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listSchools", summary = "Schools, by SMIS code, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of schools")
    @ProblemResponses.Validation
    @ProblemResponses.Unauthenticated
    @ProblemResponses.Forbidden
    @ProblemResponses.Unexpected
    public PageView<SchoolView> list(
            @Parameter(description = "only schools of this ESA", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only schools of this tambon (6-digit DOPA code)", example = "312104")
            @Nullable @QueryValue @Pattern(regexp = Codes.TAMBON, message = "must be a 6-digit tambon code") String tambonCode,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(schools.list(esa, tambonCode, Pageable.from(page, size, BY_CODE)), SchoolView::of);
    }
}
