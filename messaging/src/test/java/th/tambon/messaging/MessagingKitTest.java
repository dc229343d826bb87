package th.tambon.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.Traceparent;
import th.tambon.messaging.consumer.DeadLetterHeaders;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.tambon.messaging.KitRecords.school;

/**
 * The kit end to end on a real broker and database: the outbox publishes, the listener applies once, and what it
 * cannot apply goes to the dead-letter topic while the records after it on the same partition are still applied.
 * Every record of a test has the same key, so they share one partition and the later record proves the partition
 * moved on past the one under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingKitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;
    private Outbox outbox;
    private TransactionOperations<Connection> transactions;
    private KitRecords records;

    @BeforeAll
    void start() throws SQLException {
        KitRecords.createAppliedSchoolTable(infra);
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "kit-test");
        props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.transient-retry-for", "30s");
        props.put("kit-test.subscription", "true");
        context = ApplicationContext.run(props);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
        records = new KitRecords(infra, context);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_committed_event_is_published_as_a_cloudevent_keyed_by_its_aggregate_with_a_trace() {
        try (KafkaProbe probe = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            UUID id = transactions.executeWrite(status -> outbox.append(school("51010001", "โรงเรียนบ้านทดสอบ")));

            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> id.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);

            assertThat(record.key()).isEqualTo("51010001");
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            assertThat(event.getType()).isEqualTo("th.tambon.school.registered.v1");
            assertThat(event.getSource().toString()).isEqualTo("/tambon/kit-test");
            assertThat(event.getSubject()).isEqualTo("51010001");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                    .contains("\"code\":\"51010001\"", "\"nameTh\":\"โรงเรียนบ้านทดสอบ\"", "\"version\":1");
            assertThat(Traceparent.parse(KafkaProbe.header(record, Traceparent.HEADER)))
                    .as("a W3C traceparent").isPresent();
        }
    }

    @Test
    void a_rolled_back_state_change_publishes_nothing() throws SQLException {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.append(school("51010002", "ย้อนกลับ"));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");

        assertThat(records.count("SELECT count(*) FROM messaging.outbox_message WHERE message_key = '51010002'"))
                .isZero();
    }

    @Test
    void appending_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.append(school("51010003", "นอกธุรกรรม")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void an_event_delivered_twice_is_applied_once() throws SQLException {
        String key = "K-duplicate";
        String eventId = UUID.randomUUID().toString();
        records.send(key, eventId, records.json(school("51010004", "ซ้ำ")));
        records.send(key, eventId, records.json(school("51010004", "ซ้ำ")));
        records.send(key, UUID.randomUUID().toString(), records.json(school("51010005", "ถัดไป")));

        Eventually.await(WAIT, () -> assertThat(records.times("51010005")).isEqualTo(1));
        assertThat(records.times("51010004")).isEqualTo(1);
        assertThat(records.count("SELECT count(*) FROM messaging.inbox_message WHERE event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void an_unparseable_record_goes_to_the_dead_letter_topic_and_the_next_record_of_its_partition_is_applied()
            throws SQLException {
        String key = "K-unparseable";
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String poisonId = UUID.randomUUID().toString();
            records.send(key, UUID.randomUUID().toString(), records.json(school("51010012", "ก่อนพิษ")));
            RecordMetadata poison = records.send(key, poisonId, "{not json".getBytes(StandardCharsets.UTF_8));
            RecordMetadata after = records.send(key, UUID.randomUUID().toString(),
                    records.json(school("51010007", "หลังพิษ")));
            assertThat(after.partition()).as("one partition").isEqualTo(poison.partition());

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.value(letter)).isEqualTo("{not json");
            assertThat(letter.key()).isEqualTo(key);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SCHOOLS_V1);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(poison.partition()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(poison.offset()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(PoisonMessageException.class.getName());
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("not JSON");
            assertThat(Instant.parse(KafkaProbe.header(letter, DeadLetterHeaders.FAILED_AT))).isBeforeOrEqualTo(Instant.now());
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("kit-test.applied-schools");

            Eventually.await(WAIT, () -> assertThat(records.times("51010007")).isEqualTo(1));
            assertThat(records.times("51010012")).isEqualTo(1);
        }
    }

    @Test
    void a_record_whose_handler_keeps_failing_is_retried_then_dead_lettered_and_its_partition_moves_on()
            throws SQLException {
        String key = "K-failing";
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String failingId = UUID.randomUUID().toString();
            records.send(key, failingId, records.json(school("51010008", "FAIL always")));
            records.send(key, UUID.randomUUID().toString(), records.json(school("51010009", "หลังล้มเหลว")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> failingId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("handler refuses 51010008");
            Eventually.await(WAIT, () -> assertThat(records.times("51010009")).isEqualTo(1));
            assertThat(records.count("SELECT count(*) FROM messaging.inbox_message WHERE event_id = '" + failingId + "'"))
                    .as("a failed attempt leaves no inbox row").isZero();
        }
    }

    @Test
    void a_deadlock_is_retried_well_past_the_attempts_for_a_failing_handler_and_never_dead_lettered()
            throws SQLException {
        String key = "K-transient";
        String transientId = UUID.randomUUID().toString();
        // 3 attempts dead-letter a failing handler; 8 deadlocks in a row (20 ms .. 2.5 s of backoff) do not.
        KitTestListener.transientFailures.set(8);
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            records.send(key, transientId, records.json(school("51010013", "TRANSIENT deadlock")));
            records.send(key, UUID.randomUUID().toString(), records.json(school("51010014", "หลังติดตาย")));

            Eventually.await(WAIT, () -> assertThat(records.times("51010014")).isEqualTo(1));
            assertThat(KitTestListener.transientFailures.get()).as("every injected deadlock happened").isZero();
            assertThat(records.times("51010013")).isEqualTo(1);
            assertThat(deadLetters.records(Duration.ofMillis(300)))
                    .noneMatch(r -> transientId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)));
        }
    }

    @Test
    void a_record_that_breaks_the_schema_is_dead_lettered_with_the_violation() {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String badId = UUID.randomUUID().toString();
            records.send("5101", badId, "{\"code\":\"5101\",\"nameTh\":\"สั้น\"}".getBytes(StandardCharsets.UTF_8));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> badId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("breaks its schema");
        }
    }

    @Test
    void an_event_from_a_source_the_listener_does_not_accept_is_dead_lettered_not_applied() throws SQLException {
        String key = "K-stranger";
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String strangerId = UUID.randomUUID().toString();
            records.send(key, strangerId, records.json(school("51010010", "แปลกหน้า")), "/tambon/budget-service",
                    KitRecords.SCHOOL_REGISTERED);
            records.send(key, UUID.randomUUID().toString(), records.json(school("51010011", "คุ้นเคย")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> strangerId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .contains("ce_source /tambon/budget-service");
            Eventually.await(WAIT, () -> assertThat(records.times("51010011")).isEqualTo(1));
            assertThat(records.times("51010010")).isZero();
        }
    }

    @Test
    void an_event_type_the_listener_does_not_know_is_skipped_and_counted_not_dead_lettered() throws SQLException {
        String key = "K-newer-type";
        String newerId = UUID.randomUUID().toString();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            records.send(key, newerId, "{\"code\":\"51010015\",\"anything\":\"new\"}".getBytes(StandardCharsets.UTF_8),
                    "/tambon/test", "th.tambon.school.registered.v2");
            records.send(key, UUID.randomUUID().toString(), records.json(school("51010016", "หลังชนิดใหม่")));

            Eventually.await(WAIT, () -> assertThat(records.times("51010016")).isEqualTo(1));
            assertThat(deadLetters.records(Duration.ofMillis(300)))
                    .noneMatch(r -> newerId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)));
            var skipped = context.getBean(MeterRegistry.class).find("tambon.consumer.skipped")
                    .tag("consumer", "kit-test.applied-schools").tag("reason", "unknown-type").counter();
            assertThat(skipped).isNotNull();
            assertThat(skipped.count()).isGreaterThanOrEqualTo(1);
        }
    }
}
