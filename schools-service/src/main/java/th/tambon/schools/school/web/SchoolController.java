package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.Sorting;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.school.application.RegisteringSchool;
import th.tambon.schools.school.application.UpdatingSchool;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.SchoolFilter;
import th.tambon.service.Rejections;

import java.net.URI;

@Controller("/api/v1/schools")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Schools", description = "Schools by their 8-digit SMIS code; schools.v1 announces each change")
public class SchoolController {
    private final RegisteringSchool registering;
    private final UpdatingSchool updating;
    private final SchoolRepository schools;

    public SchoolController(RegisteringSchool registering, UpdatingSchool updating, SchoolRepository schools) {
        this.registering = registering;
        this.updating = updating;
        this.schools = schools;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "registerSchool", summary = "Register a school under a registered ESA",
            description = "Stores the school and announces th.tambon.school.registered.v1 on schools.v1 in one transaction.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = SchoolView.class)),
            headers = @Header(name = "Location", description = "the path of the new school"))
    @ProblemResponses.UnknownReference
    @ProblemResponses.Conflict
    @ProblemResponses.AnyWrite
    public HttpResponse<SchoolView> register(@Body @Valid RegisterSchoolRequest request, Authentication authentication) {
        var school = Rejections.valueOrThrow(registering.register(request.toCommand(), Actors.of(authentication)));
        return HttpResponse.created(SchoolView.of(school), URI.create("/api/v1/schools/" + school.code()));
    }

    @Put("/{code}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.SCHOOL_DIRECTOR})
    @Operation(operationId = "updateSchool", summary = "Change a school's names, place names, director or size",
            description = "OBEC, an officer of the school's ESA, or the school's own director. Announces "
                    + "th.tambon.school.updated.v1 on schools.v1 when something changed; the same body again changes, "
                    + "announces and audits nothing. With If-Match (the ETag of the version read) a concurrent change "
                    + "is refused with 412 instead of overwritten.")
    @ApiResponse(responseCode = "200", description = "The school as it now is",
            content = @Content(schema = @Schema(implementation = SchoolView.class)),
            headers = @Header(name = "ETag", description = "the school's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<SchoolView> update(
            @PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid UpdateSchoolRequest request, Authentication authentication) {
        var result = Rejections.valueOrThrow(updating.update(request.toCommand(code, ifMatch),
                Actors.of(authentication)));
        return Versions.ok(SchoolView.of(result.value()), result.value().version());
    }

    @Get("/{code}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getSchool", summary = "One school by its SMIS code")
    @ApiResponse(responseCode = "200", description = "The school", headers = @Header(name = "ETag", description = "the school's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<SchoolView> get(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        var school = schools.find(code).orElseThrow(() -> ApiProblemException.notFound("No school with SMIS code " + code));
        return Versions.ok(SchoolView.of(school), school.version());
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listSchools", summary = "Schools, filtered, sorted, a page at a time",
            description = "Every filter given must hold. q matches the Thai or English name anywhere in it, "
                    + "ignoring letter case, Thai tone marks, mai taikhu, thanthakhat and zero-width spaces: "
                    + "q=บานหัวฝาย finds โรงเรียนบ้านหัวฝาย.")
    @ApiResponse(responseCode = "200", description = "One page of schools")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<SchoolView> list(
            @Parameter(description = "only schools of this ESA", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only schools of this province (2-digit DOPA code)", example = "31")
            @Nullable @QueryValue @Pattern(regexp = Codes.PROVINCE, message = "must be a 2-digit province code") String provinceCode,
            @Parameter(description = "only schools of this district (4-digit DOPA code)", example = "3121")
            @Nullable @QueryValue @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit district code") String districtCode,
            @Parameter(description = "only schools of this tambon (6-digit DOPA code)", example = "312104")
            @Nullable @QueryValue @Pattern(regexp = Codes.TAMBON, message = "must be a 6-digit tambon code") String tambonCode,
            @Parameter(description = "only schools whose quality-school status is this", example = "ACTIVE",
                    schema = @Schema(type = "string", allowableValues = {"NONE", "NOMINATED", "DESIGNATED", "ACTIVE", "WITHDRAWN"}))
            @Nullable @QueryValue QualityStatus qualityStatus,
            @Parameter(description = "part of the Thai or English name", example = "หัวฝาย")
            @Nullable @QueryValue @Size(min = 1, max = 100) String q,
            @Parameter(description = "order: code, nameTh, nameEn, esa, tambonCode, students or teachers; a leading - "
                    + "for descending (ties by code)", example = "nameTh")
            @QueryValue(defaultValue = "code") @Pattern(regexp = SchoolOrder.PATTERN, message = SchoolOrder.MESSAGE) String sort,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        var filter = new SchoolFilter(esa, provinceCode, districtCode, tambonCode, qualityStatus,
                q == null || q.isBlank() ? null : q);
        if (filter.contradiction() != null) {
            throw ApiProblemException.invalidField(tambonCode != null ? "tambonCode" : "districtCode", filter.contradiction());
        }
        return PageView.of(schools.list(filter, Pageable.from(page, size, Sorting.of(sort, "code"))), SchoolView::of);
    }
}
