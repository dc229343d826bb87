package th.tambon.schools.network.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import th.tambon.http.ApiProblemException;
import th.tambon.http.IfMatch;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.network.application.NetworkAt;
import th.tambon.schools.network.application.SettingNetworks;
import th.tambon.schools.network.infrastructure.NetworkChairRepository;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.model.Network;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Rejections;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller("/api/v1/esas/{code}/network")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Networks", description = "Each ESA's quality-school network: chair and members; "
        + "th.tambon.network.changed.v1 announces each change")
public class NetworkController {
    private final SettingNetworks setting;
    private final NetworkRepository networks;
    private final NetworkChairRepository chairs;
    private final SchoolRepository schools;
    private final EsaRepository esas;

    public NetworkController(SettingNetworks setting, NetworkRepository networks, NetworkChairRepository chairs,
                             SchoolRepository schools, EsaRepository esas) {
        this.setting = setting;
        this.networks = networks;
        this.chairs = chairs;
        this.schools = schools;
        this.esas = esas;
    }

    @Put
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "setNetwork", summary = "Form the ESA's network or change its chair or members",
            description = "OBEC or an officer of the ESA. Members must be the ESA's own active quality schools, the "
                    + "chair's school one of them (a school that stops being an active quality school leaves the network "
                    + "by itself; a chair school leaving it leaves it without a chair until one is set). Announces "
                    + "th.tambon.network.changed.v1 on schools.v1 and records a new chair in the network's history; "
                    + "setting the network it already has changes nothing and checks nothing. "
                    + "Its ETag is the ESA's version; with If-Match a change based on an older one is a 412, and so is "
                    + "any If-Match (* too) where the ESA has no network yet: form it without.")
    @ApiResponse(responseCode = "200", description = "The network as it now is",
            content = @Content(schema = @Schema(implementation = NetworkView.class)),
            headers = @Header(name = "ETag", description = "the network's version: its ESA's"))
    @ProblemResponses.NotFound
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<NetworkView> set(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code,
                                         @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false,
                                                 example = "\"3\"",
                                                 description = "the ETag of the network the change is based on "
                                                         + "(optional): 412 when it is not the current one or "
                                                         + "there is no network yet")
                                         IfMatch ifMatch,
                                         @Body @Valid NetworkRequest request, Authentication authentication) {
        NetworkAt set = Rejections.valueOrThrow(setting.set(code, request.chairSchool(), request.chairPerson().strip(),
                request.members(), ifMatch, Actors.of(authentication))).value();
        return Versions.ok(view(set.network()), set.version());
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getNetwork", summary = "The ESA's network, its members and its chairs over time")
    @ApiResponse(responseCode = "200", description = "The network",
            headers = @Header(name = "ETag", description = "the network's version: its ESA's"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<NetworkView> get(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code) {
        // the version first: a network read after it is at least as new, so its ETag can only be too old (a 412
        // later), never newer than what was shown
        long version = esas.find(code).map(Esa::version)
                .orElseThrow(() -> ApiProblemException.notFound("No ESA with code " + code));
        Network network = networks.find(code).orElseThrow(() -> ApiProblemException.notFound("ESA " + code
                + " has no network"));
        return Versions.ok(view(network), version);
    }

    private NetworkView view(Network network) {
        Map<String, School> named = schools.findAllByCode(network.sortedMembers()).stream()
                .collect(Collectors.toMap(School::code, Function.identity()));
        School chair = network.hasChair() ? named.get(network.chairSchool()) : null;
        return new NetworkView(network.esa(), network.chairSchool(), chair == null ? null : chair.nameTh(),
                network.chairPerson(),
                network.sortedMembers().stream().map(m -> new NetworkView.Member(m,
                        named.containsKey(m) ? named.get(m).nameTh() : null)).toList(),
                chairs.findByEsaOrderBySince(network.esa()).stream().map(c -> new NetworkView.Chair(c.chairSchool(),
                        c.chairPerson(), c.since(), c.recordedBy(), c.until())).toList());
    }
}
