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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;

/** Read-only view of what this service knows about ESAs and schools (from schools.v1). */
@Controller("/api/v1/replicas")
@ExecuteOn(TaskExecutors.BLOCKING)
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
    public EsaReplica esa(@PathVariable String code) {
        return esas.findById(code).orElseThrow(() -> ApiProblemException.notFound("No ESA " + code + " in the replica"));
    }

    @Get("/esas")
    @ReadOnly
    public PageView<EsaReplica> esas(
            @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(esas.findAll(Pageable.from(page, size, BY_CODE)));
    }

    @Get("/schools/{code}")
    @ReadOnly
    public SchoolReplica school(@PathVariable String code) {
        return schools.findById(code)
                .orElseThrow(() -> ApiProblemException.notFound("No school " + code + " in the replica"));
    }

    @Get("/schools")
    @ReadOnly
    public PageView<SchoolReplica> schools(
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Pageable pageable = Pageable.from(page, size, BY_CODE);
        return PageView.of(esa == null ? schools.findAll(pageable) : schools.findByEsa(esa, pageable));
    }
}
