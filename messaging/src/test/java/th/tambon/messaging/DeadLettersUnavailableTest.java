package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * While no dead letter can be sent (the dead-letter producer reaches no broker), a poison record waits, and so do the
 * records behind it on its partition: none overtakes it. A broker of its own, so the poison is the first record its
 * partition holds and no other test's records stand in the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersUnavailableTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    @RegisterExtension
    static final OwnBroker broker = new OwnBroker();

    private ApplicationContext context;
    private KitRecords records;

    @BeforeAll
    void start() throws Exception {
        KitRecords.createAppliedSchoolTable(infra);
        Map<String, Object> props = KitRecords.listenerProperties(infra, "no-dlq-test", broker.bootstrapServers());
        props.put("tambon.messaging.dead-letter-timeout", "1s");
        // the dead letters go to a port where no broker listens
        props.put("kafka.producers.dead-letters.bootstrap.servers", "127.0.0.1:1");
        props.put("kafka.producers.dead-letters.max.block.ms", 500);
        context = ApplicationContext.run(props);
        records = new KitRecords(broker.bootstrapServers(), infra, context);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void records_behind_a_poison_record_that_cannot_be_dead_lettered_wait_behind_it() throws Exception {
        String key = "K-no-dlq";
        RecordMetadata poison = records.send(key, UUID.randomUUID().toString(),
                "not json".getBytes(StandardCharsets.UTF_8));
        RecordMetadata behind = records.send(key, UUID.randomUUID().toString(),
                records.json(school("56010001", "หลังพิษที่ส่งไม่ได้")));
        assertThat(behind.partition()).isEqualTo(poison.partition());

        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.DOWN));
        Eventually.await(WAIT, () -> assertThat(unsent()).isGreaterThanOrEqualTo(3));
        assertThat(records.times("56010001")).as("applied before the poison ahead of it was dealt with").isZero();
    }

    private double unsent() {
        var counter = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("tambon.dead.letters.unsent").counter();
        return counter == null ? 0 : counter.count();
    }
}
