package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * The relay with rows it cannot publish: one too large, one for a topic that cannot exist, and a producer that
 * throws an {@link Error}. Real broker and database; the relay's producer fails on purpose in the last test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;
    private Outbox outbox;
    private TransactionOperations<Connection> transactions;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "relay-faults-test");
        props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.relay-max-backoff", "500ms");
        props.put("kafka.producers.outbox-relay.interceptor.classes", FaultyKafkaClients.FailingSend.class.getName());
        context = ApplicationContext.run(props);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
    }

    @AfterEach
    void noFaultsLeft() {
        FaultyKafkaClients.sendFailures.set(0);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void an_event_too_large_to_publish_is_parked_and_holds_back_its_keys_later_events_but_no_other_key()
            throws Exception {
        String stuck = "61010001";
        String other = "61010002";
        try (KafkaProbe topic = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            UUID tooLarge = append(school(stuck, "ก".repeat(400_000)));
            UUID behind = append(school(stuck, "รอข้างหลัง"));
            UUID free = append(school(other, "ไม่เกี่ยว"));

            topic.await(r -> free.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            Eventually.await(WAIT, () -> assertThat(text("SELECT last_error FROM messaging.outbox_message "
                    + "WHERE parked_at IS NOT NULL AND event_id = '" + tooLarge + "'")).contains("RecordTooLargeException"));

            List<ConsumerRecord<String, byte[]>> seen = topic.records(Duration.ofSeconds(2));
            assertThat(seen).as("nothing of the stuck key, not even its later event")
                    .noneMatch(r -> stuck.equals(r.key()));
            assertThat(seen).as("the other key's event once").filteredOn(r -> other.equals(r.key())).hasSize(1);
            assertThat(text("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL AND parked_at IS NULL "
                    + "AND event_id = '" + behind + "'")).isEqualTo("1");
        }
    }

    @Test
    void a_row_for_a_topic_that_cannot_exist_is_parked_and_every_lane_keeps_publishing() throws Exception {
        UUID invalid = UUID.randomUUID();
        execute("INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, subject, "
                + "occurred_at, payload) VALUES ('" + invalid + "', 'no such topic!', 'X-invalid', 0, "
                + "'th.tambon.school.registered.v1', '/tambon/relay-faults-test', 'X-invalid', now(), '{}')");
        try (KafkaProbe topic = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            List<UUID> events = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                events.add(append(school(String.format("610200%02d", i), "ทุกช่องทาง " + i)));
            }
            for (UUID event : events) {
                topic.await(r -> event.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            }
            Eventually.await(WAIT, () -> assertThat(text("SELECT last_error FROM messaging.outbox_message "
                    + "WHERE parked_at IS NOT NULL AND event_id = '" + invalid + "'")).contains("InvalidTopicException"));
        }
    }

    @Test
    void a_relay_that_meets_an_error_reports_itself_down_and_publishes_once_the_error_is_gone() {
        FaultyKafkaClients.sendFailures.set(Integer.MAX_VALUE);
        try (KafkaProbe topic = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            UUID event = append(school("61030001", "หลังความผิดพลาด"));

            Eventually.await(WAIT, () -> {
                KitHealth health = KitHealth.of(context);
                assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
                assertThat(health.details()).contains("relay", "injected: the relay's producer is broken");
            });

            FaultyKafkaClients.sendFailures.set(0);
            topic.await(r -> event.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
        }
    }

    private UUID append(th.tambon.contracts.EventData data) {
        return transactions.executeWrite(status -> outbox.append(data));
    }

    private String text(String sql) throws SQLException {
        return new KitSql(infra.database()).text(sql);
    }

    private void execute(String sql) throws SQLException {
        new KitSql(infra.database()).execute(sql);
    }
}
