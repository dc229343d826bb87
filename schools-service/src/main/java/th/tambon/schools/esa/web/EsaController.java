package th.tambon.schools.esa.web;

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
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.schools.esa.application.RegisteringEsa;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.shared.Rejections;

import java.net.URI;

@Controller("/api/v1/esas")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EsaController {
    private static final Sort BY_CODE = Sort.of(Sort.Order.asc("code"));
    private final RegisteringEsa registering;
    private final EsaRepository esas;

    public EsaController(RegisteringEsa registering, EsaRepository esas) {
        this.registering = registering;
        this.esas = esas;
    }

    @Post
    public HttpResponse<EsaView> register(@Body @Valid RegisterEsaRequest request) {
        var esa = Rejections.valueOrThrow(registering.register(request.toCommand()));
        return HttpResponse.created(EsaView.of(esa), URI.create("/api/v1/esas/" + esa.code()));
    }

    @Get("/{code}")
    @ReadOnly
    public EsaView get(@PathVariable String code) {
        return esas.find(code).map(EsaView::of)
                .orElseThrow(() -> ApiProblemException.notFound("No ESA with code " + code));
    }

    @Get
    @ReadOnly
    public PageView<EsaView> list(
            @Nullable @QueryValue @Pattern(regexp = Codes.PROVINCE, message = "must be a 2-digit province code") String provinceCode,
            @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(esas.list(provinceCode, Pageable.from(page, size, BY_CODE)), EsaView::of);
    }
}
