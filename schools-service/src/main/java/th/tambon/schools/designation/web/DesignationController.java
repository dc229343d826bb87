package th.tambon.schools.designation.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import th.tambon.http.ApiProblemException;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.designation.application.DesignatingQualitySchools;
import th.tambon.schools.designation.model.Designation;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.service.Rejections;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/schools/{code}/designations")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Quality-school designations", description = "A school's way to quality school of its tambon: NOMINATED → "
        + "DESIGNATED → ACTIVE → WITHDRAWN; at most one ACTIVE per tambon; th.tambon.school.designation-changed.v1 "
        + "announces each step")
public class DesignationController {
    private final DesignatingQualitySchools designating;
    private final DesignationHistory history;
    private final SchoolRepository schools;

    public DesignationController(DesignatingQualitySchools designating, DesignationHistory history,
                                 SchoolRepository schools) {
        this.designating = designating;
        this.history = history;
        this.schools = schools;
    }

    @Post
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "nominateQualitySchool", summary = "Nominate the school as its tambon's quality school",
            description = "OBEC or an officer of the school's ESA. The school must have no designation other than "
                    + "withdrawn ones.")
    @ApiResponse(responseCode = "201", description = "Nominated",
            content = @Content(schema = @Schema(implementation = DesignationView.class)),
            headers = @Header(name = "Location", description = "the school's designations"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public HttpResponse<DesignationView> nominate(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
                                                  @Body @Valid NominationRequest request, Authentication authentication) {
        Designation nominated = Rejections.valueOrThrow(designating.nominate(code, request.on(), request.reason(),
                Actors.of(authentication)));
        return HttpResponse.created(view(nominated), URI.create("/api/v1/schools/" + code + "/designations"));
    }

    @Post("/in-force")
    @Secured(Roles.OBEC_ADMIN)
    @Operation(operationId = "recordQualitySchoolInForce", summary = "Record a designation already in force, with its historical dates",
            description = "OBEC only: for what happened before Tambon (the importer uses it). The designation is ACTIVE "
                    + "from activeFrom; nominatedOn and activeFrom default to designatedOn.")
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = DesignationView.class)),
            headers = @Header(name = "Location", description = "the school's designations"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public HttpResponse<DesignationView> recordInForce(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
                                                       @Body @Valid InForceRequest request, Authentication authentication) {
        Designation recorded = Rejections.valueOrThrow(designating.recordInForce(code, request.nominatedOnOrDefault(),
                request.designatedOn(), request.activeFromOrDefault(), request.reason(), Actors.of(authentication)));
        return HttpResponse.created(view(recorded), URI.create("/api/v1/schools/" + code + "/designations"));
    }

    @Post("/{id}/steps")
    @Secured(Roles.OBEC_ADMIN)
    @Operation(operationId = "advanceQualitySchoolDesignation", summary = "Take a designation to its next status",
            description = "OBEC only. NOMINATED → DESIGNATED or WITHDRAWN; DESIGNATED → ACTIVE or WITHDRAWN; ACTIVE → "
                    + "WITHDRAWN (with a reason). A step is dated no earlier than the one before it and not after today. "
                    + "Activating a second school in a tambon is a 409 naming the active one.")
    @ApiResponse(responseCode = "200", description = "The designation after the step")
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.AnyWrite
    public DesignationView advance(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code,
                                   @PathVariable @Parameter(description = "the designation's id") UUID id,
                                   @Body @Valid StepRequest request, Authentication authentication) {
        return view(Rejections.valueOrThrow(designating.advance(code, id, request.statusValue(), request.on(),
                request.reason(), Actors.of(authentication))));
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listQualitySchoolDesignations", summary = "The school's designations with every step, the latest first")
    @ApiResponse(responseCode = "200", description = "The school's designations",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = DesignationView.class))))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public List<DesignationView> history(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        if (!schools.existsById(code)) {
            throw ApiProblemException.notFound("No school with SMIS code " + code);
        }
        return history.latestFirst(code);
    }

    private DesignationView view(Designation designation) {
        return history.view(designation);
    }
}
