package th.tambon.schools.profile.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import th.tambon.http.ApiProblemException;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.designation.web.DesignationHistory;
import th.tambon.schools.designation.web.DesignationView;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.web.NetworkMembershipView;
import th.tambon.schools.plan.web.SchoolPlans;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.web.SchoolView;
import th.tambon.security.AnyRole;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A school's profile page in one call: what the school endpoints show one by one. */
@Controller("/api/v1/schools/{code}/profile")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Schools")
public class SchoolProfileController {
    private final SchoolRepository schools;
    private final DesignationHistory designations;
    private final NetworkRepository networks;
    private final SchoolPlans plans;

    public SchoolProfileController(SchoolRepository schools, DesignationHistory designations,
                                   NetworkRepository networks, SchoolPlans plans) {
        this.schools = schools;
        this.designations = designations;
        this.networks = networks;
        this.plans = plans;
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getSchoolProfile",
            summary = "The school, its designations (the oldest first), its networks and its development plans",
            description = "What GET /api/v1/schools/{code}, …/designations (in the other order) and …/plans show, "
                    + "and each ESA network the school is in as chair school or member: its chair, its number of "
                    + "members and whether this school chairs it.")
    @ApiResponse(responseCode = "200", description = "The school's profile")
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public SchoolProfileView get(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        SchoolView school = schools.find(code).map(SchoolView::of)
                .orElseThrow(() -> ApiProblemException.notFound("No school with SMIS code " + code));
        List<DesignationView> oldestFirst = new ArrayList<>(designations.latestFirst(code));
        Collections.reverse(oldestFirst);
        return new SchoolProfileView(school, oldestFirst,
                networks.memberships(code).stream().map(network -> NetworkMembershipView.of(network, code)).toList(),
                plans.latestFirst(code));
    }
}
