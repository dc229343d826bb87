package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.onPartition;
import static th.tambon.messaging.KitRecords.school;

/**
 * A record that breaks its handler with an {@link Error}, or meets what looks like a condition of the database, holds
 * its own partition only. The records are on the topic
 * before the listener starts, one per partition and a second behind the broken one, so the listener's first poll
 * holds all of them and tries them together. A broker of its own, so no other test's records share the partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionIsolationTest {
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
        broker.createKitTopic(Topics.SCHOOLS_V1);
        KitTestListener.brokenFailures.set(Integer.MAX_VALUE);
        KitTestListener.lockedFailures.set(Integer.MAX_VALUE);
        sendTogether(List.of(
                onPartition(0, school("53010001", "BROKEN on partition 0")),
                onPartition(0, school("53010002", "หลังข้อผิดพลาด ในพาร์ทิชันเดียวกัน")),
                onPartition(1, school("53010003", "LOCKED on partition 1")),
                onPartition(1, school("53010004", "หลังล็อก ในพาร์ทิชันเดียวกัน")),
                onPartition(2, school("53010005", "พาร์ทิชันสอง"))));

        context = ApplicationContext.run(KitRecords.listenerProperties(infra, "isolation-test",
                broker.bootstrapServers()));
        records = new KitRecords(infra, context);
    }

    @AfterAll
    void stop() {
        KitTestListener.brokenFailures.set(0);
        KitTestListener.lockedFailures.set(0);
        if (context != null) {
            context.close();
        }
    }

    @Test
    void an_error_or_a_lock_timeout_in_one_record_s_handler_holds_its_partition_while_the_others_are_applied()
            throws Exception {
        Eventually.await(WAIT, () -> assertThat(records.times("53010005")).isEqualTo(1));
        // the held records have been tried again since, not only once before partition 2 was applied
        double deferred = deferred();
        Eventually.await(WAIT, () -> assertThat(deferred()).isGreaterThanOrEqualTo(deferred + 4));
        assertThat(records.times("53010001")).isZero();
        assertThat(records.times("53010002")).as("behind the broken record on its partition").isZero();
        assertThat(records.times("53010003")).isZero();
        assertThat(records.times("53010004")).as("behind the locked record on its partition").isZero();
        assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.DOWN);

        // Partition 2 goes on; while partitions 0 and 1 wait, readiness says so all the time, not only between polls.
        sendTogether(List.of(onPartition(2, school("53010006", "พาร์ทิชันสอง ต่อ"))));
        List<HealthStatus> seen = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            seen.add(KitHealth.of(context).status());
            Thread.sleep(5);
        }
        assertThat(records.times("53010006")).as("the other partition went on").isEqualTo(1);
        assertThat(seen).as("readiness while two partitions wait").containsOnly(HealthStatus.DOWN);

        KitTestListener.brokenFailures.set(0);
        KitTestListener.lockedFailures.set(0);

        Eventually.await(WAIT, () -> assertThat(records.times("53010002")).isEqualTo(1));
        Eventually.await(WAIT, () -> assertThat(records.times("53010004")).isEqualTo(1));
        assertThat(records.times("53010001")).isEqualTo(1);
        assertThat(records.times("53010003")).isEqualTo(1);
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
    }

    private double deferred() {
        var counter = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("tambon.consumer.deferred").counter();
        return counter == null ? 0 : counter.count();
    }

    private void sendTogether(List<ProducerRecord<String, byte[]>> batch) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : batch) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
