package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * The public topics keep their events for as long as a replica rebuilt by replay needs them: for ever. The kit creates
 * topics that way, and refuses to publish to a topic of its own that would drop events, until an operator fixes it.
 * A broker of its own, so the short retention set here touches no other test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SEVEN_DAYS = Long.toString(Duration.ofDays(7).toMillis());

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    @RegisterExtension
    static final OwnBroker broker = new OwnBroker();

    private Admin admin;
    private ApplicationContext context;

    @BeforeAll
    void start() throws Exception {
        KitRecords.createAppliedSchoolTable(infra);
        admin = broker.admin();
        // As the broker's defaults would make it: deleted after seven days.
        admin.createTopics(List.of(new NewTopic(Topics.SCHOOLS_V1, 3, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS)))).all().get(30, TimeUnit.SECONDS);
        context = ApplicationContext.run(properties("retention-test", List.of(Topics.SCHOOLS_V1, "retention-extra.v1")));
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    @Order(1)
    void the_topics_the_kit_creates_keep_every_event_for_ever() throws Exception {
        Eventually.await(WAIT, () -> assertThat(admin.listTopics().names().get())
                .contains("retention-extra.v1", "retention-test.dlq"));

        for (String topic : List.of("retention-extra.v1", "retention-test.dlq")) {
            Map<String, String> config = config(topic);
            assertThat(config).as(topic).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                    .containsEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    @Order(2)
    void a_topic_of_its_own_that_would_drop_events_stops_publishing_loudly_until_an_operator_makes_it_keep_them()
            throws Exception {
        UUID id = append("55010001", "รอหัวข้อที่เก็บไว้ตลอด");

        Eventually.await(WAIT, () -> {
            KitHealth health = KitHealth.of(context);
            assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
            assertThat(health.details()).contains(Topics.SCHOOLS_V1, "retention.ms=" + SEVEN_DAYS);
        });
        heldBackUntilSchoolsKeepsItsEvents(id);
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
    }

    @Test
    @Order(3)
    void a_consumer_of_another_service_s_topic_that_would_drop_events_warns_and_keeps_reading() throws Exception {
        setRetention(Topics.SCHOOLS_V1, SEVEN_DAYS);

        try (ApplicationContext reader = ApplicationContext.run(properties("retention-reader", List.of()))) {
            Eventually.await(WAIT, () -> {
                KitHealth health = KitHealth.of(reader);
                assertThat(health.details()).contains("warnings", Topics.SCHOOLS_V1, "retention.ms=" + SEVEN_DAYS);
                assertThat(health.status()).isEqualTo(HealthStatus.UP);
            });
            KitRecords records = new KitRecords(broker.bootstrapServers(), infra, reader);
            records.send("K-reader", UUID.randomUUID().toString(), records.json(school("55030001", "ผู้อ่านอ่านต่อ")));
            Eventually.await(WAIT, () -> assertThat(infra.database().queryLong("SELECT count(*) FROM "
                    + "messaging.inbox_message WHERE consumer = 'retention-reader.applied-schools'"))
                    .as("the reader applied what came").isPositive());
        } finally {
            keepForEver(Topics.SCHOOLS_V1);
        }
    }

    @Test
    @Order(4)
    void a_topic_of_its_own_made_to_drop_events_while_the_service_runs_stops_publishing_until_it_keeps_them_again()
            throws Exception {
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
        setRetention(Topics.SCHOOLS_V1, SEVEN_DAYS);
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).details())
                .contains(Topics.SCHOOLS_V1, "retention.ms=" + SEVEN_DAYS));
        assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.DOWN);

        UUID id = append("55040001", "รอหัวข้อที่กลับมาเก็บไว้ตลอด");
        heldBackUntilSchoolsKeepsItsEvents(id);
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
    }

    @Test
    @Order(5)
    void a_dead_letter_topic_that_would_drop_letters_is_a_warning_and_publishing_goes_on() throws Exception {
        setRetention("retention-test.dlq", SEVEN_DAYS);
        try {
            Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).details())
                    .contains("warnings", "retention-test.dlq", "retention.ms=" + SEVEN_DAYS));
            assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP);

            UUID id = append("55050001", "เผยแพร่ต่อไป");
            try (KafkaProbe probe = KafkaProbe.fromBeginning(broker.bootstrapServers(), Topics.SCHOOLS_V1)) {
                probe.await(r -> id.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            }
        } finally {
            keepForEver("retention-test.dlq");
        }
        Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).details()).doesNotContain("retention-test.dlq"));
    }

    /**
     * The event is not published while schools.v1 would drop it (the test made it so), and is once the topic keeps its
     * events again.
     */
    private void heldBackUntilSchoolsKeepsItsEvents(UUID id) throws Exception {
        try (KafkaProbe probe = KafkaProbe.fromBeginning(broker.bootstrapServers(), Topics.SCHOOLS_V1)) {
            assertThat(probe.records(Duration.ofSeconds(2))).as("nothing published to a topic that would drop it")
                    .noneMatch(r -> id.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)));

            keepForEver(Topics.SCHOOLS_V1);

            probe.await(r -> id.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
        }
    }

    /** Appends a school's registration to the context's outbox, as a service's command would. */
    private UUID append(String code, String nameTh) {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        return transactions.executeWrite(status -> context.getBean(Outbox.class).append(school(code, nameTh)));
    }

    private void setRetention(String topic, String millis) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource(topic), List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, millis), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }

    private Map<String, Object> properties(String name, List<String> produces) {
        Map<String, Object> props = KitRecords.listenerProperties(infra, name, broker.bootstrapServers());
        props.put("tambon.messaging.produces", produces);
        props.put("tambon.messaging.topic-check-interval", "1s");
        return props;
    }

    private void keepForEver(String topic) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource(topic), List.of(
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_BYTES_CONFIG, "-1"), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }

    private Map<String, String> config(String topic) throws Exception {
        var config = admin.describeConfigs(List.of(resource(topic))).all().get(30, TimeUnit.SECONDS).get(resource(topic));
        Map<String, String> values = new HashMap<>();
        config.entries().forEach(entry -> values.put(entry.name(), entry.value()));
        return values;
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }
}
