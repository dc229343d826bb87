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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import th.tambon.http.ApiProblemException;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.schools.network.application.SettingNetworks;
import th.tambon.schools.network.infrastructure.NetworkChairRepository;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.model.Network;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.schools.shared.Rejections;
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

    public NetworkController(SettingNetworks setting, NetworkRepository networks, NetworkChairRepository chairs,
                             SchoolRepository schools) {
        this.setting = setting;
        this.networks = networks;
        this.chairs = chairs;
        this.schools = schools;
    }

    @Put
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "setNetwork", summary = "Form the ESA's network or change its chair or members",
            description = "OBEC or an officer of the ESA. Members must be the ESA's own active quality schools, the "
                    + "chair's school one of them. Announces th.tambon.network.changed.v1 on schools.v1 and records a "
                    + "new chair in the network's history; setting the network it already has changes nothing.")
    @ApiResponse(responseCode = "200", description = "The network as it now is",
            content = @Content(schema = @Schema(implementation = NetworkView.class)))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyWrite
    public HttpResponse<NetworkView> set(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code,
                                         @Body @Valid NetworkRequest request, Authentication authentication) {
        Rejections.valueOrThrow(setting.set(code, request.chairSchool(), request.chairPerson().strip(), request.members(),
                Actors.of(authentication)));
        return HttpResponse.ok(view(networks.find(code).orElseThrow()));
    }

    @Get
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getNetwork", summary = "The ESA's network, its members and its chairs over time")
    @ApiResponse(responseCode = "200", description = "The network")
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public NetworkView get(@PathVariable @Parameter(description = "ESA code", example = "P31-4") String code) {
        return view(networks.find(code).orElseThrow(() -> ApiProblemException.notFound("ESA " + code + " has no network")));
    }

    private NetworkView view(Network network) {
        Map<String, School> named = schools.findAllByCode(network.sortedMembers()).stream()
                .collect(Collectors.toMap(School::code, Function.identity()));
        return new NetworkView(network.esa(), network.chairSchool(),
                named.containsKey(network.chairSchool()) ? named.get(network.chairSchool()).nameTh() : null,
                network.chairPerson(),
                network.sortedMembers().stream().map(m -> new NetworkView.Member(m,
                        named.containsKey(m) ? named.get(m).nameTh() : null)).toList(),
                chairs.findByEsaOrderBySince(network.esa()).stream().map(c -> new NetworkView.Chair(c.chairSchool(),
                        c.chairPerson(), c.since(), c.recordedBy())).toList());
    }
}
