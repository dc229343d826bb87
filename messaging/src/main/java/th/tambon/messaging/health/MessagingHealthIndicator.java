package th.tambon.messaging.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Readiness of the kit: DOWN while the relay or a listener is stuck, or a consumer loop has ended. */
@Singleton
public class MessagingHealthIndicator implements HealthIndicator {
    private final MessagingHealth health;

    public MessagingHealthIndicator(MessagingHealth health) {
        this.health = health;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromSupplier(() -> HealthResult.builder("messaging", health.healthy() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(health.details()).build());
    }
}
