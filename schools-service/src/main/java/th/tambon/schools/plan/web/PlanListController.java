package th.tambon.schools.plan.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.ProgrammeDates;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.plan.infrastructure.PlanRepository;
import th.tambon.schools.plan.infrastructure.Plans;
import th.tambon.schools.plan.model.DevelopmentPlan;
import th.tambon.schools.plan.model.PlanStatus;
import th.tambon.security.AnyRole;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller("/api/v1/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Development plans")
public class PlanListController {
    private static final Sort BY_YEAR_AND_SCHOOL = Sort.of(Sort.Order.desc("academicYear"), Sort.Order.asc("school"));

    private final PlanRepository rows;
    private final Plans plans;

    public PlanListController(PlanRepository rows, Plans plans) {
        this.rows = rows;
        this.plans = plans;
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listDevelopmentPlans", summary = "Plans by ESA, academic year and status, a page at a time",
            description = "Latest academic year first, then by school. status=SUBMITTED lists what waits for the ESA.")
    @ApiResponse(responseCode = "200", description = "One page of plans (without their history)")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<PlanView> list(
            @Parameter(description = "only plans of this ESA's schools", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "only plans for this academic year (BE)", example = "2563")
            @Nullable @QueryValue @Min(ProgrammeDates.FIRST_YEAR_BE) @Max(ProgrammeDates.LAST_YEAR_BE)
            Integer academicYear,
            @Parameter(description = "only plans in this status", example = "SUBMITTED",
                    schema = @Schema(type = "string", allowableValues = {"DRAFT", "SUBMITTED", "APPROVED", "RETURNED"}))
            @Nullable @QueryValue PlanStatus status,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        var found = rows.list(esa, academicYear, status == null ? null : status.name(),
                Pageable.from(page, size, BY_YEAR_AND_SCHOOL));
        Map<UUID, DevelopmentPlan> withTargets = plans.of(found.getContent()).stream()
                .collect(Collectors.toMap(DevelopmentPlan::id, Function.identity()));
        return PageView.of(found, row -> PlanView.of(withTargets.get(row.id()), null));
    }
}
