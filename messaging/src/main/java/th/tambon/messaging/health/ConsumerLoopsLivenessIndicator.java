package th.tambon.messaging.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Liveness: DOWN once a Kafka consumer loop has ended while the service runs. Nothing in the process can start it
 * again, so the service must be restarted (an orchestrator's liveness probe does that).
 */
@Singleton
@Liveness
public class ConsumerLoopsLivenessIndicator implements HealthIndicator {
    private final MessagingHealth health;

    public ConsumerLoopsLivenessIndicator(MessagingHealth health) {
        this.health = health;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromSupplier(() -> HealthResult.builder("consumerLoops",
                health.loopsRunning() ? HealthStatus.UP : HealthStatus.DOWN).details(health.endedLoops()).build());
    }
}
