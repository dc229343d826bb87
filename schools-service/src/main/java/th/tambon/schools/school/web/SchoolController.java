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
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.schools.school.application.RegisteringSchool;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.shared.Rejections;

import java.net.URI;

@Controller("/api/v1/schools")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SchoolController {
    private static final Sort BY_CODE = Sort.of(Sort.Order.asc("code"));
    private final RegisteringSchool registering;
    private final SchoolRepository schools;

    public SchoolController(RegisteringSchool registering, SchoolRepository schools) {
        this.registering = registering;
        this.schools = schools;
    }

    @Post
    public HttpResponse<SchoolView> register(@Body @Valid RegisterSchoolRequest request) {
        var school = Rejections.valueOrThrow(registering.register(request.toCommand()));
        return HttpResponse.created(SchoolView.of(school), URI.create("/api/v1/schools/" + school.code()));
    }

    @Get("/{code}")
    @ReadOnly
    public SchoolView get(@PathVariable String code) {
        return schools.find(code).map(SchoolView::of)
                .orElseThrow(() -> ApiProblemException.notFound("No school with SMIS code " + code));
    }

    @Get
    @ReadOnly
    public PageView<SchoolView> list(
            @Nullable @QueryValue @Pattern(regexp = Codes.ESA, message = "must be an ESA code") String esa,
            @Nullable @QueryValue @Pattern(regexp = Codes.TAMBON, message = "must be a 6-digit tambon code") String tambonCode,
            @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(schools.list(esa, tambonCode, Pageable.from(page, size, BY_CODE)), SchoolView::of);
    }
}
