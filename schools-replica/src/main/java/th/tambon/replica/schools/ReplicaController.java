package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.AnyRole;

/** Read-only view of what this service knows about ESAs and schools (from schools.v1). */
@Controller("/api/v1/replicas")
@ExecuteOn(TaskExecutors.BLOCKING)
@AnyRole
@SecurityRequirement(name = "bearer")
@Tag(name = "Replica of schools", description = "What this service knows of ESAs and schools, built from schools.v1 "
        + "only; through the gateway under /api/v1/events/replicas and /api/v1/budget/replicas")
public class ReplicaController {
    private static final Sort BY_CODE = Sort.of(Sort.Order.asc("code"));

    private final EsaReplicaRepository esas;
    private final SchoolReplicaRepository schools;

    public ReplicaController(EsaReplicaRepository esas, SchoolReplicaRepository schools) {
        this.esas = esas;
        this.schools = schools;
    }

    @Get("/esas/{code}")
    @ReadOnly
    @Operation(operationId = "getReplicatedEsa", summary = "One ESA as this service knows it")
    @ApiResponse(responseCode = "200", description = "The ESA")
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public EsaReplica esa(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code) {
        return esas.findById(code).orElseThrow(() -> ApiProblemException.notFound("No ESA " + code + " in the replica"));
    }

    @Get("/esas")
    @ReadOnly
    @Operation(operationId = "listReplicatedEsas", summary = "ESAs as this service knows them, by code, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of ESAs")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<EsaReplica> esas(
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(esas.findAll(Pageable.from(page, size, BY_CODE)));
    }

    @Get("/schools/{code}")
    @ReadOnly
    @Operation(operationId = "getReplicatedSchool", summary = "One school as this service knows it")
    @ApiResponse(responseCode = "200", description = "The school")
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public SchoolReplica school(@PathVariable @Parameter(description = "SMIS code", example = "31040001") String code) {
        return schools.findById(code)
                .orElseThrow(() -> ApiProblemException.notFound("No school " + code + " in the replica"));
    }

    @Get("/schools")
    @ReadOnly
    @Operation(operationId = "listReplicatedSchools", summary = "Schools as this service knows them, by SMIS code, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of schools")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<SchoolReplica> schools(
            @Parameter(description = "only schools of this ESA", example = "P31-4")
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Pageable pageable = Pageable.from(page, size, BY_CODE);
        return PageView.of(esa == null ? schools.findAll(pageable) : schools.findByEsa(esa, pageable));
    }
}
