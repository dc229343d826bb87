package th.tambon.gateway.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.oauth2.routes.OauthController;
import io.micronaut.security.oauth2.url.OauthRouteUrlBuilder;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The identity providers a browser can sign in with, for the sign-in page's buttons: one for each provider whose
 * login route Micronaut serves ({@code /oauth/login/oidc} when TAMBON_OIDC_ISSUER is set; {@link IdentityProviderSignIn})
 * and whose discovery document the gateway has read ({@link ProviderDiscovery}), none otherwise.
 */
@Singleton
public class SignInProviders {
    /** A provider's name in the configuration and the path that starts a sign-in with it. */
    @Serdeable
    @Schema(description = "An identity provider the browser can sign in with: open `login` to start")
    public record Provider(String name, String login) {
    }

    private final List<Provider> providers;
    private final ProviderDiscovery discovery;

    public SignInProviders(List<OauthController> controllers, @Nullable OauthRouteUrlBuilder<?> urls,
                           @Nullable ProviderDiscovery discovery) {
        this.providers = urls == null || discovery == null ? List.of() : controllers.stream()
                .map(controller -> controller.getClient().getName())
                .sorted()
                .map(name -> new Provider(name, urls.buildLoginUri(name).getPath()))
                .toList();
        this.discovery = discovery;
    }

    public List<Provider> all() {
        return discovery != null && discovery.discovered() ? providers : List.of();
    }
}
