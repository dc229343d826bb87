package th.tambon.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.consumer.DeadLetterHeaders;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingKitTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;
    private Outbox outbox;
    private TransactionOperations<Connection> transactions;

    @BeforeAll
    void start() throws SQLException {
        try (Connection connection = infra.database().connect()) {
            connection.createStatement().execute("CREATE TABLE applied_school (code TEXT PRIMARY KEY, times INT NOT NULL)");
        }
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "kit-test");
        props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("kit-test.subscription", "true");
        context = ApplicationContext.run(props);
        outbox = context.getBean(Outbox.class);
        transactions = context.getBean(TransactionOperations.class);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_committed_event_is_published_as_a_cloudevent_keyed_by_its_aggregate() {
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
                    .contains("\"code\":\"51010001\"", "\"nameTh\":\"โรงเรียนบ้านทดสอบ\"");
        }
    }

    @Test
    void a_rolled_back_state_change_publishes_nothing() throws SQLException {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.append(school("51010002", "ย้อนกลับ"));
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");

        assertThat(count("SELECT count(*) FROM messaging.outbox_message WHERE message_key = '51010002'")).isZero();
    }

    @Test
    void appending_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.append(school("51010003", "นอกธุรกรรม")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void an_event_delivered_twice_is_applied_once() throws SQLException {
        String eventId = UUID.randomUUID().toString();
        send(record("51010004", eventId, json(school("51010004", "ซ้ำ"))));
        send(record("51010004", eventId, json(school("51010004", "ซ้ำ"))));
        send(record("51010005", UUID.randomUUID().toString(), json(school("51010005", "ถัดไป"))));

        Eventually.await(WAIT, () -> assertThat(times("51010005")).isEqualTo(1));
        assertThat(times("51010004")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messaging.inbox_message WHERE event_id = '" + eventId + "'")).isEqualTo(1);
    }

    @Test
    void an_unparseable_record_goes_to_the_dead_letter_topic_and_later_records_are_still_applied() throws SQLException {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String poisonId = UUID.randomUUID().toString();
            var poison = send(record("51010006", poisonId, "{not json".getBytes(StandardCharsets.UTF_8)));
            send(record("51010007", UUID.randomUUID().toString(), json(school("51010007", "หลังพิษ"))));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.value(letter)).isEqualTo("{not json");
            assertThat(letter.key()).isEqualTo("51010006");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SCHOOLS_V1);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(poison.partition()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(poison.offset()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(PoisonMessageException.class.getName());
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("not JSON");
            assertThat(Instant.parse(KafkaProbe.header(letter, DeadLetterHeaders.FAILED_AT))).isBeforeOrEqualTo(Instant.now());
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo("kit-test.applied-schools");

            Eventually.await(WAIT, () -> assertThat(times("51010007")).isEqualTo(1));
            assertThat(times("51010006")).isZero();
        }
    }

    @Test
    void a_record_whose_handler_keeps_failing_is_retried_then_dead_lettered() throws SQLException {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String failingId = UUID.randomUUID().toString();
            send(record("51010008", failingId, json(school("51010008", "FAIL always"))));
            send(record("51010009", UUID.randomUUID().toString(), json(school("51010009", "หลังล้มเหลว"))));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> failingId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("handler refuses 51010008");
            Eventually.await(WAIT, () -> assertThat(times("51010009")).isEqualTo(1));
            assertThat(count("SELECT count(*) FROM messaging.inbox_message WHERE event_id = '" + failingId + "'"))
                    .as("a failed attempt leaves no inbox row").isZero();
        }
    }

    @Test
    void a_record_that_breaks_the_schema_is_dead_lettered_with_the_violation() {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String badId = UUID.randomUUID().toString();
            send(record("5101", badId, "{\"code\":\"5101\",\"nameTh\":\"สั้น\"}".getBytes(StandardCharsets.UTF_8)));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> badId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("breaks its schema");
        }
    }

    @Test
    void an_event_from_a_source_the_subscription_does_not_accept_is_dead_lettered_not_applied() throws SQLException {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "kit-test.dlq")) {
            String strangerId = UUID.randomUUID().toString();
            send(record("51010010", strangerId, json(school("51010010", "แปลกหน้า")), "/tambon/budget-service"));
            send(record("51010011", UUID.randomUUID().toString(), json(school("51010011", "คุ้นเคย"))));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> strangerId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE))
                    .contains("ce_source /tambon/budget-service");
            Eventually.await(WAIT, () -> assertThat(times("51010011")).isEqualTo(1));
            assertThat(times("51010010")).isZero();
        }
    }

    private SchoolRegistered school(String code, String nameTh) {
        return new SchoolRegistered(code, nameTh, null, "P51-1", "ลำพูน", "เมืองลำพูน", "ในเมือง", "510101", null,
                Instant.parse("2020-09-28T02:00:00Z"));
    }

    private byte[] json(SchoolRegistered school) {
        return context.getBean(th.tambon.messaging.codec.EventCodec.class).encode(school);
    }

    private ProducerRecord<String, byte[]> record(String key, String eventId, byte[] value) {
        return record(key, eventId, value, "/tambon/test");
    }

    private ProducerRecord<String, byte[]> record(String key, String eventId, byte[] value, String source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, key, value);
        CloudEventHeaders.write(new th.tambon.messaging.cloudevents.CloudEvent(eventId, "th.tambon.school.registered.v1",
                source, Instant.now(), key, null), record.headers());
        return record;
    }

    private org.apache.kafka.clients.producer.RecordMetadata send(ProducerRecord<String, byte[]> record) {
        return KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }

    private int times(String code) throws SQLException {
        return count("SELECT coalesce(sum(times), 0) FROM applied_school WHERE code = '" + code + "'");
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = infra.database().connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
