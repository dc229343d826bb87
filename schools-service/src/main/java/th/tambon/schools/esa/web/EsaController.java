package th.tambon.schools.esa.web;

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
import th.tambon.schools.esa.application.RegisteringEsa;
import th.tambon.schools.esa.application.UpdatingEsa;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.EsaKind;
import th.tambon.service.Rejections;

import java.net.URI;

@Controller("/api/v1/esas")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "ESAs", description = "Educational Service Area offices (สพป./สพม.); schools.v1 announces each change")
public class EsaController {
    private final RegisteringEsa registering;
    private final UpdatingEsa updating;
    private final EsaRepository esas;

    public EsaController(RegisteringEsa registering, UpdatingEsa updating, EsaRepository esas) {
        this.registering = registering;
        this.updating = updating;
        this.esas = esas;
    }

    @Post
    @Secured(Roles.OBEC_ADMIN)
    @Operation(operationId = "registerEsa", summary = "Register an ESA",
            description = "Stores the ESA and announces th.tambon.esa.registered.v1 on schools.v1 in one transaction.")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = EsaView.class)),
            headers = @Header(name = "Location", description = "the path of the new ESA"))
    @ProblemResponses.Conflict
    @ProblemResponses.AnyWrite
    public HttpResponse<EsaView> register(@Body @Valid RegisterEsaRequest request, Authentication authentication) {
        var esa = Rejections.valueOrThrow(registering.register(request.toCommand(), Actors.of(authentication)));
        return HttpResponse.created(EsaView.of(esa), URI.create("/api/v1/esas/" + esa.code()));
    }

    @Put("/{code}")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "updateEsa", summary = "Change an ESA's names or director",
            description = "OBEC, or an officer of that ESA. Announces th.tambon.esa.updated.v1 on schools.v1 when "
                    + "something changed; the same body again changes, announces and audits nothing. With If-Match "
                    + "(the ETag of the version read) a concurrent change is refused with 412 instead of overwritten.")
    @ApiResponse(responseCode = "200", description = "The ESA as it now is",
            content = @Content(schema = @Schema(implementation = EsaView.class)),
            headers = @Header(name = "ETag", description = "the ESA's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<EsaView> update(@PathVariable @Parameter(description = "ESA code", example = "P51-1") String code,
                                        @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                                                description = "the ETag of the version read (optional); 412 when it is not the current one")
                                        IfMatch ifMatch,
                                        @Body @Valid UpdateEsaRequest request, Authentication authentication) {
        var result = Rejections.valueOrThrow(updating.update(request.toCommand(code, ifMatch),
                Actors.of(authentication)));
        return Versions.ok(EsaView.of(result.value()), result.value().version());
    }

    @Get("/{code}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getEsa", summary = "One ESA by its code")
    @ApiResponse(responseCode = "200", description = "The ESA", headers = @Header(name = "ETag", description = "the ESA's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<EsaView> get(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code) {
        var esa = esas.find(code).orElseThrow(() -> ApiProblemException.notFound("No ESA with code " + code));
        return Versions.ok(EsaView.of(esa), esa.version());
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listEsas", summary = "ESAs, filtered by kind and province, sorted, a page at a time")
    @ApiResponse(responseCode = "200", description = "One page of ESAs")
    @ProblemResponses.Validation
    @ProblemResponses.AnyCall
    public PageView<EsaView> list(
            @Parameter(description = "only ESAs of this kind", example = "PRIMARY",
                    schema = @Schema(type = "string", allowableValues = {"PRIMARY", "SECONDARY"}))
            @Nullable @QueryValue EsaKind kind,
            @Parameter(description = "only ESAs of this province (2-digit DOPA code)", example = "31")
            @Nullable @QueryValue @Pattern(regexp = Codes.PROVINCE, message = "must be a 2-digit province code") String provinceCode,
            @Parameter(description = "order: code, nameTh, nameEn or provinceCode; a leading - for descending (ties by code)",
                    example = "-code")
            @QueryValue(defaultValue = "code") @Pattern(regexp = EsaOrder.PATTERN, message = EsaOrder.MESSAGE) String sort,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size) {
        return PageView.of(esas.list(kind, provinceCode, Pageable.from(page, size, Sorting.of(sort, "code"))), EsaView::of);
    }
}
