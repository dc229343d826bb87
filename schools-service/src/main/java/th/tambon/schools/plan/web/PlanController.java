package th.tambon.schools.plan.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import th.tambon.http.ApiProblemException;
import th.tambon.http.IfMatch;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.plan.application.PlanningDevelopment;
import th.tambon.schools.plan.infrastructure.PlanStepRepository;
import th.tambon.schools.plan.infrastructure.Plans;
import th.tambon.schools.plan.model.DevelopmentPlan;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.service.Rejections;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/schools/{code}/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Development plans", description = "A school's development plan (แผนพัฒนาคุณภาพ) per academic year: targets "
        + "per track; DRAFT → SUBMITTED → APPROVED, or RETURNED with a reason and submitted again; "
        + "th.tambon.school.plan-changed.v1 announces each change")
public class PlanController {
    private final PlanningDevelopment planning;
    private final Plans plans;
    private final SchoolPlans schoolPlans;
    private final PlanStepRepository steps;
    private final SchoolRepository schools;

    public PlanController(PlanningDevelopment planning, Plans plans, SchoolPlans schoolPlans, PlanStepRepository steps,
                          SchoolRepository schools) {
        this.planning = planning;
        this.plans = plans;
        this.schoolPlans = schoolPlans;
        this.steps = steps;
        this.schools = schools;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.SCHOOL_DIRECTOR})
    @Operation(operationId = "draftDevelopmentPlan", summary = "Start the school's plan for an academic year",
            description = "The school's director, an officer of its ESA, or OBEC. One plan per school and academic "
                    + "year (a second is a 409 naming the first), at most one year ahead of the current one.")
    @ApiResponse(responseCode = "201", description = "Drafted",
            content = @Content(schema = @Schema(implementation = PlanView.class)),
            headers = {@Header(name = "Location", description = "the plan"),
                    @Header(name = "ETag", description = "the plan's version")})
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.AnyWrite
    public HttpResponse<PlanView> draft(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
                                        @Body @Valid DraftPlanRequest request, Authentication authentication) {
        DevelopmentPlan plan = Rejections.valueOrThrow(planning.draft(code, request.academicYear(),
                TargetRequest.targets(request.targets()), Actors.of(authentication)));
        return HttpResponse.created(view(plan), URI.create("/api/v1/schools/" + code + "/plans/" + plan.academicYear()))
                .header("ETag", Versions.etag(plan.version()));
    }

    @Put("/{year}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.SCHOOL_DIRECTOR})
    @Operation(operationId = "reviseDevelopmentPlan", summary = "Change a plan's targets while it is a draft or returned",
            description = "The school's director, an officer of its ESA, or OBEC. The same targets again change, "
                    + "announce and audit nothing; a plan that is SUBMITTED or APPROVED is a 409. With If-Match a "
                    + "concurrent change is refused with 412.")
    @ApiResponse(responseCode = "200", description = "The plan as it now is",
            content = @Content(schema = @Schema(implementation = PlanView.class)),
            headers = @Header(name = "ETag", description = "the plan's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<PlanView> revise(
            @PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
            @PathVariable @Parameter(description = "academic year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the ETag of the version read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid RevisePlanRequest request, Authentication authentication) {
        var result = Rejections.valueOrThrow(planning.revise(code, year, TargetRequest.targets(request.targets()),
                ifMatch, Actors.of(authentication)));
        return Versions.ok(view(result.value()), result.value().version());
    }

    @Post("/{year}/steps")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER, Roles.SCHOOL_DIRECTOR})
    @Operation(operationId = "advanceDevelopmentPlan", summary = "Submit, approve or return a plan",
            description = "SUBMITTED (a DRAFT or RETURNED plan with at least one target) by the school's director, "
                    + "an officer of its ESA, or OBEC; APPROVED or RETURNED (with the reason) of a SUBMITTED plan by "
                    + "an officer of its ESA or OBEC. Any other step is a 409 naming the plan's status. Approving or "
                    + "returning requires If-Match, the ETag of the plan the decision was made on (428 without it, "
                    + "and with *, which names no version); "
                    + "submitting takes it optionally. 412 when it is not the plan's current version.")
    @ApiResponse(responseCode = "200", description = "The plan after the step",
            content = @Content(schema = @Schema(implementation = PlanView.class)),
            headers = @Header(name = "ETag", description = "the plan's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.PreconditionRequired
    @ProblemResponses.AnyWrite
    public HttpResponse<PlanView> advance(
            @PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
            @PathVariable @Parameter(description = "academic year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"2\"",
                    description = "the ETag of the plan the step is decided on: required to approve or return (* is "
                            + "not enough), "
                            + "optional to submit; 412 when it is not the current one") IfMatch ifMatch,
            @Body @Valid PlanStepRequest request, Authentication authentication) {
        DevelopmentPlan plan = Rejections.valueOrThrow(planning.advance(code, year, request.statusValue(),
                request.reason(), ifMatch, Actors.of(authentication)));
        return Versions.ok(view(plan), plan.version());
    }

    @Get("/{year}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getDevelopmentPlan", summary = "The school's plan for an academic year, with its history")
    @ApiResponse(responseCode = "200", description = "The plan", headers = @Header(name = "ETag", description = "the plan's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public HttpResponse<PlanView> get(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
                                      @PathVariable @Parameter(description = "academic year (BE)", example = "2563")
            @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE) int year) {
        DevelopmentPlan plan = plans.find(code, year).orElseThrow(() -> ApiProblemException.notFound(
                "School " + code + " has no development plan for academic year " + year));
        return Versions.ok(view(plan), plan.version());
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listSchoolDevelopmentPlans", summary = "The school's plans, the latest academic year first")
    @ApiResponse(responseCode = "200", description = "The school's plans (without their history)",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = PlanView.class))))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public List<PlanView> list(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        if (!schools.existsById(code)) {
            throw ApiProblemException.notFound("No school with SMIS code " + code);
        }
        return schoolPlans.latestFirst(code);
    }

    private PlanView view(DevelopmentPlan plan) {
        return PlanView.of(plan, steps.findByPlanOrderByRecordedAt(plan.id()));
    }
}
