package th.tambon.replica.schools;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;

/** Read-only view of what this service knows about ESAs and schools (from schools.v1). */
@Controller("/api/v1/replicas")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReplicaController {
    private final ReplicaQueries replicas;

    public ReplicaController(ReplicaQueries replicas) {
        this.replicas = replicas;
    }

    @Get("/esas/{code}")
    public ReplicaViews.EsaReplica esa(@PathVariable String code) {
        return replicas.esa(code).orElseThrow(() -> ApiProblemException.notFound("No ESA " + code + " in the replica"));
    }

    @Get("/esas")
    public PageView<ReplicaViews.EsaReplica> esas(@QueryValue(defaultValue = "0") @Min(0) int page,
                                                           @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return replicas.esas(page, size);
    }

    @Get("/schools/{code}")
    public ReplicaViews.SchoolReplica school(@PathVariable String code) {
        return replicas.school(code)
                .orElseThrow(() -> ApiProblemException.notFound("No school " + code + " in the replica"));
    }

    @Get("/schools")
    public PageView<ReplicaViews.SchoolReplica> schools(
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @QueryValue(defaultValue = "0") @Min(0) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return replicas.schools(esa, page, size);
    }
}
