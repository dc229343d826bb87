package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.consumer.DeadLetterHeaders;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * The listener when things go wrong around a record: the offset commit fails, the handler throws an {@link Error},
 * a deadlock never ends, a dead letter is too large. Real broker and database; the Kafka consumer and the handler
 * fail on purpose. Each test's records share one key, so one partition.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GROUP = "faults-test.applied-schools";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;
    private KitRecords records;

    @BeforeAll
    void start() throws SQLException {
        KitRecords.createAppliedSchoolTable(infra);
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "faults-test");
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.max-backoff", "300ms");
        props.put("tambon.messaging.transient-retry-for", "3s");
        // A retried record is fetched again once its partition resumes; do not wait long for more data then.
        props.put("kafka.consumers.default.fetch.max.wait.ms", 100);
        props.put("kit-test.subscription", "true");
        props.put("kit-test.faulty-consumers", "true");
        context = ApplicationContext.run(props);
        records = new KitRecords(infra, context);
    }

    @AfterEach
    void noFaultsLeft() {
        FaultyKafkaClients.commitFailures.set(0);
        KitTestListener.brokenFailures.set(0);
        KitTestListener.transientFailures.set(0);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_failed_offset_commit_loses_none_of_the_records_of_its_poll() throws Exception {
        String key = "K-commit";
        int committedBefore = FaultyKafkaClients.commitsFailed.get();
        FaultyKafkaClients.commitFailures.set(1);
        List<String> codes = List.of("52010001", "52010002", "52010003", "52010004", "52010005", "52010006");
        sendTogether(key, codes);

        for (String code : codes) {
            Eventually.await(WAIT, () -> assertThat(records.times(code)).as(code).isEqualTo(1));
        }

        assertThat(FaultyKafkaClients.commitsFailed.get()).as("the injected commit failure happened")
                .isEqualTo(committedBefore + 1);

        // The next poll's commit covers the records whose commit failed; until then a restart would deliver them
        // again, and the inbox would skip them.
        RecordMetadata next = records.send(key, UUID.randomUUID().toString(),
                records.json(school("52010007", "หลังการยืนยันที่ล้มเหลว")));
        Eventually.await(WAIT, () -> assertThat(records.times("52010007")).isEqualTo(1));
        TopicPartition partition = new TopicPartition(next.topic(), next.partition());
        Eventually.await(WAIT, () -> assertThat(committed(partition)).isGreaterThan(next.offset()));
        for (String code : codes) {
            assertThat(records.times(code)).as(code + " applied once").isEqualTo(1);
        }
    }

    @Test
    void an_error_thrown_by_a_handler_turns_readiness_down_and_the_record_waits_until_it_can_be_applied()
            throws Exception {
        String key = "K-broken";
        String brokenId = UUID.randomUUID().toString();
        KitTestListener.brokenFailures.set(Integer.MAX_VALUE);
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            records.send(key, brokenId, records.json(school("52020001", "BROKEN handler")));
            records.send(key, UUID.randomUUID().toString(), records.json(school("52020002", "หลังข้อผิดพลาด")));

            Eventually.await(WAIT, () -> {
                KitHealth health = KitHealth.of(context);
                assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
                assertThat(health.details()).contains("KitTestListener", "the handler is broken for 52020001");
            });
            assertThat(records.times("52020002")).as("the later record waits behind it").isZero();

            KitTestListener.brokenFailures.set(0);
            Eventually.await(WAIT, () -> assertThat(records.times("52020002")).isEqualTo(1));
            assertThat(records.times("52020001")).isEqualTo(1);
            Eventually.await(WAIT, () -> assertThat(KitHealth.of(context).status()).isEqualTo(HealthStatus.UP));
            assertThat(deadLetters.records(Duration.ofMillis(300)))
                    .noneMatch(r -> brokenId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)));
        }
    }

    @Test
    void a_deadlock_that_never_ends_is_dead_lettered_after_the_transient_retry_time_and_its_partition_moves_on()
            throws Exception {
        String key = "K-endless-deadlock";
        String stuckId = UUID.randomUUID().toString();
        KitTestListener.transientFailures.set(Integer.MAX_VALUE);
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            records.send(key, stuckId, records.json(school("52030001", "TRANSIENT forever")));
            records.send(key, UUID.randomUUID().toString(), records.json(school("52030002", "หลังติดตายตลอด")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> stuckId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            // A failing handler is dead-lettered after 3 attempts, some 60 ms; a deadlock is retried for the whole
            // transient-retry-for (3 s) from its first failure, however few attempts a loaded machine fits into it.
            assertThat(Duration.between(KitTestListener.firstTransientFailure("52030001"),
                    Instant.parse(KafkaProbe.header(letter, DeadLetterHeaders.FAILED_AT))))
                    .as("retried for transient-retry-for").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(Integer.parseInt(KafkaProbe.header(letter, DeadLetterHeaders.ATTEMPTS))).isGreaterThanOrEqualTo(2);
            Eventually.await(WAIT, () -> assertThat(records.times("52030002")).isEqualTo(1));
            assertThat(records.times("52030001")).isZero();
        }
    }

    @Test
    void a_record_too_large_to_dead_letter_whole_is_dead_lettered_without_its_value_and_its_partition_moves_on()
            throws Exception {
        String key = "K-huge";
        String hugeId = UUID.randomUUID().toString();
        // Fits the topic as it is, but not with the dead-letter headers added.
        byte[] huge = "x".repeat(1_048_000).getBytes(StandardCharsets.UTF_8);
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            RecordMetadata original = records.send(key, hugeId, huge);
            records.send(key, UUID.randomUUID().toString(), records.json(school("52040001", "หลังจดหมายใหญ่")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> hugeId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(letter.value()).as("the value is left out").isNull();
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.VALUE_OMITTED)).contains("bytes");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(String.valueOf(original.offset()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("not JSON");
            Eventually.await(WAIT, () -> assertThat(records.times("52040001")).isEqualTo(1));
        }
    }

    @Test
    void a_record_whose_key_leaves_no_room_for_a_dead_letter_is_dead_lettered_with_its_key_cut_and_digested()
            throws Exception {
        // The record fits the topic; any letter that keeps its key does not, with the dead-letter headers added.
        String hugeKey = "k".repeat(1_048_000);
        String hugeId = UUID.randomUUID().toString();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            ProducerRecord<String, byte[]> huge = new ProducerRecord<>(Topics.SCHOOLS_V1, hugeKey,
                    "not json".getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEvent(hugeId, KitRecords.SCHOOL_REGISTERED, "/tambon/test", Instant.now(),
                    "K-huge-key", null), huge.headers());
            RecordMetadata original = KafkaProbe.send(infra.kafkaBootstrapServers(), huge);
            RecordMetadata sentinel = sendTo(original.partition(), "K-after-huge-key",
                    records.json(school("52060001", "หลังกุญแจใหญ่")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> hugeId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(letter.key()).as("the key, cut").hasSizeLessThan(1_000).startsWith("kkkk");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.KEY_SIZE)).isEqualTo("1048000");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.KEY_SHA256)).isEqualTo(sha256(hugeKey));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(String.valueOf(original.offset()));
            Eventually.await(WAIT, () -> assertThat(records.times("52060001")).isEqualTo(1));
            assertThat(sentinel.partition()).isEqualTo(original.partition());
        }
    }

    @Test
    void a_record_whose_cloudevents_headers_leave_no_room_for_a_dead_letter_is_dead_lettered_with_them_cut()
            throws Exception {
        String key = "K-huge-subject";
        String hugeId = UUID.randomUUID().toString();
        String hugeSubject = "s".repeat(1_048_000);
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            ProducerRecord<String, byte[]> huge = new ProducerRecord<>(Topics.SCHOOLS_V1, key,
                    "not json".getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEvent(hugeId, KitRecords.SCHOOL_REGISTERED, "/tambon/test", Instant.now(),
                    hugeSubject, null), huge.headers());
            RecordMetadata original = KafkaProbe.send(infra.kafkaBootstrapServers(), huge);
            records.send(key, UUID.randomUUID().toString(), records.json(school("52070001", "หลังหัวเรื่องใหญ่")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> hugeId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, CloudEventHeaders.SUBJECT)).hasSizeLessThan(1_000);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.HEADERS_OMITTED)).contains("ce_subject");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(String.valueOf(original.offset()));
            Eventually.await(WAIT, () -> assertThat(records.times("52070001")).isEqualTo(1));
        }
    }

    @Test
    void a_record_with_more_cloudevents_style_headers_than_a_dead_letter_can_hold_is_dead_lettered_with_them_counted()
            throws Exception {
        String key = "K-many-headers";
        String manyId = UUID.randomUUID().toString();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            ProducerRecord<String, byte[]> many = new ProducerRecord<>(Topics.SCHOOLS_V1, key,
                    "not json".getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEvent(manyId, KitRecords.SCHOOL_REGISTERED, "/tambon/test", Instant.now(),
                    key, null), many.headers());
            // each small enough to keep, together as large as a record may be: no letter that keeps them fits
            byte[] filler = "h".repeat(200).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 4_900; i++) {
                many.headers().add("ce_x" + i, filler);
            }
            int room = MAX_REQUEST - 150 - size(many);
            many.headers().add("ce_fill", "f".repeat(room - 20).getBytes(StandardCharsets.UTF_8));
            assertThat(size(many)).as("the record fits, a letter with the headers does not")
                    .isBetween(MAX_REQUEST - 300, MAX_REQUEST - 1);
            RecordMetadata original = KafkaProbe.send(infra.kafkaBootstrapServers(), many);
            records.send(key, UUID.randomUUID().toString(), records.json(school("52080001", "หลังหัวเรื่องมากมาย")));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> manyId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.HEADERS_OMITTED)).contains("4901 other headers");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
                    .isEqualTo(String.valueOf(original.offset()));
            Eventually.await(WAIT, () -> assertThat(records.times("52080001")).isEqualTo(1));
        }
    }

    @Test
    void a_poison_record_ahead_of_one_that_must_be_retried_is_dead_lettered_not_skipped() throws Exception {
        String key = "K-poison-then-retry";
        String poisonId = UUID.randomUUID().toString();
        String failingId = UUID.randomUUID().toString();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "faults-test.dlq")) {
            sendTogether(List.of(
                    record(key, poisonId, "not json".getBytes(StandardCharsets.UTF_8)),
                    record(key, failingId, records.json(school("52050001", "FAIL always"))),
                    record(key, UUID.randomUUID().toString(), records.json(school("52050002", "หลังทั้งสอง")))));

            deadLetters.await(r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            deadLetters.await(r -> failingId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            Eventually.await(WAIT, () -> assertThat(records.times("52050002")).isEqualTo(1));
        }
    }

    @Test
    void the_consumer_is_known_by_its_instance_not_by_its_process_id() {
        var registry = context.getBean(io.micronaut.configuration.kafka.ConsumerRegistry.class);
        assertThat(registry.getConsumerIds()).anySatisfy(id -> assertThat(id).startsWith(GROUP + "-")
                .doesNotEndWith("-" + ProcessHandle.current().pid()));
    }

    /** Sends the schools with one producer and one flush, so they travel and are fetched together. */
    private List<RecordMetadata> sendTogether(String key, List<String> codes) throws Exception {
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (String code : codes) {
            batch.add(record(key, UUID.randomUUID().toString(), records.json(school(code, "พร้อมกัน " + code))));
        }
        return sendTogether(batch);
    }

    private List<RecordMetadata> sendTogether(List<ProducerRecord<String, byte[]>> batch) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sends = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : batch) {
                sends.add(producer.send(record));
            }
            producer.flush();
            List<RecordMetadata> sent = new ArrayList<>();
            for (var send : sends) {
                sent.add(send.get(30, TimeUnit.SECONDS));
            }
            return sent;
        }
    }

    private static ProducerRecord<String, byte[]> record(String key, String eventId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, key, value);
        CloudEventHeaders.write(new CloudEvent(eventId, KitRecords.SCHOOL_REGISTERED, "/tambon/test", Instant.now(), key,
                null), record.headers());
        return record;
    }

    /** The producer's limit on a record (max.request.size's default), which a dead letter must stay within too. */
    private static final int MAX_REQUEST = 1_048_576;

    /** A record's size as the producer judges it against max.request.size. */
    private static int size(ProducerRecord<String, byte[]> record) {
        return org.apache.kafka.common.record.AbstractRecords.estimateSizeInBytesUpperBound(
                org.apache.kafka.common.record.RecordBatch.CURRENT_MAGIC_VALUE,
                org.apache.kafka.common.record.CompressionType.NONE,
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value(),
                record.headers().toArray());
    }

    private RecordMetadata sendTo(int partition, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, partition, key, value);
        CloudEventHeaders.write(new CloudEvent(UUID.randomUUID().toString(), KitRecords.SCHOOL_REGISTERED,
                "/tambon/test", Instant.now(), key, null), record.headers());
        return KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private long committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
            var offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var committed = offsets.get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }
}
