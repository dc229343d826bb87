package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import reactor.core.publisher.Mono;
import th.tambon.messaging.health.ConsumerLoopsLivenessIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;

import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * An {@link Error} inside {@code poll} (here from a consumer interceptor) ends micronaut-kafka's poll loop for good:
 * the listener receives nothing more. Readiness and liveness must say so.
 * <p>
 * The context is not closed: micronaut-kafka 5.9 then waits, spinning, for the dead loop to report itself closed,
 * which it never does (docs/decisions/0003). Its relay and pruning are off, its pool small, and its database is
 * dropped after the class like any other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerLoopDeathTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;

    @BeforeAll
    void start() throws SQLException {
        KitRecords.createAppliedSchoolTable(infra);
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "loop-death-test");
        props.put("kit-test.subscription", "true");
        props.put("kafka.consumers.default.interceptor.classes", FaultyKafkaClients.KillingPoll.class.getName());
        props.put("tambon.messaging.relay-enabled", false);
        props.put("tambon.messaging.prune-delay", "1h");
        props.put("datasources.default.maximum-pool-size", 2);
        context = ApplicationContext.run(props);
    }

    @AfterAll
    void stop() {
        FaultyKafkaClients.pollKills.set(0);
    }

    @Test
    void a_consumer_loop_ended_by_an_error_turns_readiness_down() {
        assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP);
        FaultyKafkaClients.pollKills.set(1);

        new KitRecords(infra, context).send("K-loop", UUID.randomUUID().toString(),
                new KitRecords(infra, context).json(school("53010001", "ก่อนวงรอบหยุด")));

        Eventually.await(Duration.ofSeconds(30), () -> {
            KitHealth health = KitHealth.of(context);
            assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(health.details()).contains("endedConsumerLoops", "injected: an Error inside poll");
        });
        HealthResult liveness = Mono.from(context.getBean(ConsumerLoopsLivenessIndicator.class).getResult()).block();
        assertThat(liveness.getStatus()).isEqualTo(HealthStatus.DOWN);
    }
}
