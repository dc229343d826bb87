package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.consumer.DeadLetterHeaders;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/** An operator deleted the service's dead-letter topic: the next dead letter brings it back instead of waiting forever. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterTopicGoneTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String DLQ = "topic-gone-test.dlq";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;
    private KitRecords records;

    @BeforeAll
    void start() throws Exception {
        KitRecords.createAppliedSchoolTable(infra);
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "topic-gone-test");
        // A letter to a deleted topic waits this long for the topic's metadata, or for its acknowledgement, before the
        // kit looks for the topic (the services wait 5 s and 30 s).
        props.put("kafka.producers.dead-letters.max.block.ms", 2000);
        props.put("tambon.messaging.dead-letter-timeout", "3s");
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.max-backoff", "300ms");
        props.put("kit-test.subscription", "true");
        context = ApplicationContext.run(props);
        records = new KitRecords(infra, context);
        // The listener is at work, so its dead-letter topic exists.
        records.send("K-before", UUID.randomUUID().toString(), records.json(school("54010001", "ก่อนลบหัวข้อ")));
        Eventually.await(WAIT, () -> assertThat(records.times("54010001")).isEqualTo(1));
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_poison_record_after_the_dead_letter_topic_was_deleted_is_dead_lettered_to_it_again_and_its_partition_moves_on()
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            admin.deleteTopics(List.of(DLQ)).all().get(30, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> assertThat(admin.listTopics().names().get()).doesNotContain(DLQ));
        }
        String key = "K-dlq-gone";
        String poisonId = UUID.randomUUID().toString();
        RecordMetadata poison = records.send(key, poisonId, "not json".getBytes(StandardCharsets.UTF_8));
        records.send(key, UUID.randomUUID().toString(), records.json(school("54010002", "หลังหัวข้อที่ถูกลบ")));

        Eventually.await(WAIT, () -> assertThat(records.times("54010002")).isEqualTo(1));
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), DLQ)) {
            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(String.valueOf(poison.offset()));
        }
        // created again by the kit, as the kit creates topics, not by a broker that creates any topic asked for
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, DLQ);
            var config = admin.describeConfigs(List.of(dlq)).all().get(30, TimeUnit.SECONDS).get(dlq);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(admin.describeTopics(List.of(DLQ)).allTopicNames().get(30, TimeUnit.SECONDS).get(DLQ)
                    .partitions()).hasSize(3);
        }
    }
}
