package th.tambon.gateway.dashboard;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.BeanContextException;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Whether the gateway has the identity provider's discovery document, without which no sign-in there can start.
 * Micronaut fetches it once, at start-up; when the provider cannot be reached then (it starts after the gateway, or is
 * down), a later attempt would be made on an event loop, where Micronaut refuses blocking calls, so the sign-in would
 * fail until the gateway restarted. This asks again in the background, every {@code tambon.oidc.discovery-retry}, until
 * it has it; meanwhile the sign-in page offers no button for the provider ({@link SignInProviders}).
 */
@Context
@Requires(property = IdentityProviderSignIn.ISSUER_PROPERTY, pattern = ".*\\S.*")
public class ProviderDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    private final BeanContext context;
    private final TaskScheduler scheduler;
    private final Duration retry;
    private volatile boolean discovered;

    ProviderDiscovery(BeanContext context, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                      @Value("${tambon.oidc.discovery-retry:30s}") Duration retry) {
        this.context = context;
        this.scheduler = scheduler;
        this.retry = retry;
        attempt();
    }

    /** Whether the provider's discovery document has been read: its sign-in can start. */
    public boolean discovered() {
        return discovered;
    }

    private void attempt() {
        try {
            context.getBean(DefaultOpenIdProviderMetadata.class, Qualifiers.byName(IdentityProviderSignIn.CLIENT));
            discovered = true;
            LOG.info("The identity provider's discovery document is read: the dashboard can sign in there");
        } catch (BeanContextException e) {
            LOG.warn("The identity provider's discovery document could not be read (it is asked again in {}): {}",
                    retry, e.getMessage());
            scheduler.schedule(retry, this::attempt);
        }
    }
}
