package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * A partition that waits on an instance is that instance's worry only while it has the partition: once a rebalance
 * gives it to another instance, the first is ready again and the second says it waits. The range assignor orders the
 * group's members by client id, so the instance started second ({@code a} before {@code test}) takes partition 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebalanceTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    @RegisterExtension
    static final OwnBroker broker = new OwnBroker();

    private ApplicationContext first;
    private ApplicationContext second;

    @BeforeAll
    void start() throws Exception {
        KitRecords.createAppliedSchoolTable(infra);
        broker.createKitTopic(Topics.SCHOOLS_V1);
        KitTestListener.brokenFailures.set(Integer.MAX_VALUE);
        KafkaProbe.send(broker.bootstrapServers(), KitRecords.onPartition(0, school("57010001", "BROKEN ที่ 0")));
    }

    @AfterAll
    void stop() {
        KitTestListener.brokenFailures.set(0);
        for (ApplicationContext context : new ApplicationContext[]{second, first}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void a_waiting_partition_given_to_another_instance_stops_keeping_the_first_one_down() {
        first = ApplicationContext.run(properties("test"));
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(first).status()).isEqualTo(HealthStatus.DOWN));

        second = ApplicationContext.run(properties("a"));

        Eventually.await(WAIT, () -> assertThat(KitHealth.of(second).details()).contains("schools.v1-0"));
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(first).status()).isEqualTo(HealthStatus.UP));
        assertThat(KitHealth.of(second).status()).isEqualTo(HealthStatus.DOWN);

        KitTestListener.brokenFailures.set(0);
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(second).status()).isEqualTo(HealthStatus.UP));
    }

    private Map<String, Object> properties(String instance) {
        Map<String, Object> props = KitRecords.listenerProperties(infra, "rebalance-test", broker.bootstrapServers());
        props.put("tambon.messaging.instance-id", instance);
        props.put("kafka.consumers.default.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.RangeAssignor");
        return props;
    }
}
