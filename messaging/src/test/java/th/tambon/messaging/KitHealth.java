package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import reactor.core.publisher.Mono;
import th.tambon.messaging.health.MessagingHealthIndicator;

/** What the kit's readiness indicator says, for the tests. */
record KitHealth(HealthStatus status, String details) {
    static KitHealth of(ApplicationContext context) {
        HealthResult result = Mono.from(context.getBean(MessagingHealthIndicator.class).getResult()).block();
        return new KitHealth(result.getStatus(), String.valueOf(result.getDetails()));
    }
}
