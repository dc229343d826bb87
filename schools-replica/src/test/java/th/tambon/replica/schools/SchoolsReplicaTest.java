package th.tambon.replica.schools;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.EsaUpdated;
import th.tambon.contracts.schools.QualitySchoolDesignationChanged;
import th.tambon.contracts.schools.SchoolUpdated;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.messaging.consumer.DeadLetterHeaders;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolsReplicaTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp http;
    private EventCodec codec;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "replica-test");
        props.put("micronaut.server.port", -1);
        props.put("tambon.messaging.initial-backoff", "20ms");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        codec = server.getApplicationContext().getBean(EventCodec.class);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_registered_esa_and_school_reach_the_replica() {
        publish(UUID.randomUUID().toString(), new EsaRegistered("P51-1", "PRIMARY", 1, "51", "ลำพูน",
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1", "Lamphun Primary Educational Service Area Office 1",
                "ดร.สุวิทย์ มุกดาภิรมย์", Instant.parse("2020-09-01T00:00:00Z"), 1));
        publish(UUID.randomUUID().toString(), school("51010001"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010001").status()).isEqualTo(200));
        JsonNode school = http.get("/api/v1/replicas/schools/51010001").json();
        assertThat(school.get("esa").asText()).isEqualTo("P51-1");
        assertThat(school.get("nameTh").asText()).isEqualTo("โรงเรียนทดสอบ 51010001");
        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/esas/P51-1").json().get("director").asText())
                .isEqualTo("ดร.สุวิทย์ มุกดาภิรมย์"));
        assertThat(http.get("/api/v1/replicas/schools?esa=P51-1").json().get("totalItems").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_school_announced_by_a_service_other_than_schools_service_is_dead_lettered_not_replicated() {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "replica-test.dlq")) {
            String forgedId = UUID.randomUUID().toString();
            publish(forgedId, school("51010006"), "/tambon/budget-service");
            publishOnPartitionOf("51010006", UUID.randomUUID().toString(), school("51010007"));

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> forgedId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("/tambon/budget-service");
            Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010007").status()).isEqualTo(200));
            assertThat(http.get("/api/v1/replicas/schools/51010006").status()).isEqualTo(404);
        }
    }

    @Test
    void replica_lists_check_their_filter_and_always_list_items() {
        TestHttp.Response bad = http.get("/api/v1/replicas/schools?esa=Lamphun");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("esa");

        JsonNode empty = http.get("/api/v1/replicas/schools?esa=S99-9").json();
        assertThat(empty.get("totalItems").asInt()).isZero();
        assertThat(empty.get("items").isArray()).isTrue();
        assertThat(empty.get("items")).isEmpty();
    }

    @Test
    void an_event_delivered_twice_changes_the_replica_once() {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, school("51010002"));
        publish(eventId, school("51010002", "ชื่อที่ซ้ำมาไม่ควรเห็น", 1));
        publishOnPartitionOf("51010002", UUID.randomUUID().toString(), school("51010003"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010003").status()).isEqualTo(200));
        JsonNode replica = http.get("/api/v1/replicas/schools/51010002").json();
        assertThat(replica.get("nameTh").asText()).isEqualTo("โรงเรียนทดสอบ 51010002");
        assertThat(replica.get("lastEventId").asText()).isEqualTo(eventId);
    }

    @Test
    void an_event_older_than_the_replica_never_replaces_the_newer_state() {
        String newer = UUID.randomUUID().toString();
        publish(newer, school("51010020", "ชื่อใหม่ รุ่น 2", 2));
        publish(UUID.randomUUID().toString(), school("51010020", "ชื่อเก่า รุ่น 1", 1));
        publishOnPartitionOf("51010020", UUID.randomUUID().toString(), school("51010021"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010021").status()).isEqualTo(200));
        JsonNode replica = http.get("/api/v1/replicas/schools/51010020").json();
        assertThat(replica.get("version").asLong()).isEqualTo(2);
        assertThat(replica.get("nameTh").asText()).isEqualTo("ชื่อใหม่ รุ่น 2");
        assertThat(replica.get("lastEventId").asText()).isEqualTo(newer);
    }

    @Test
    void an_unparseable_message_goes_to_the_services_dlq_with_its_origin_and_later_ones_are_applied() {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "replica-test.dlq")) {
            String poisonId = UUID.randomUUID().toString();
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.SCHOOLS_V1, "51010004",
                    "\u0000garbage".getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(new CloudEvent(poisonId, EventType.SCHOOL_REGISTERED.ceType(),
                    "/tambon/schools-service", Instant.now(), "51010004", null), poison.headers());
            RecordMetadata sent = KafkaProbe.send(infra.kafkaBootstrapServers(), poison);
            RecordMetadata after = publishOnPartitionOf("51010004", UUID.randomUUID().toString(), school("51010005"));
            assertThat(after.partition()).as("one partition").isEqualTo(sent.partition());

            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SCHOOLS_V1);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(sent.partition()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(sent.offset()));
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.FAILED_AT)).isNotBlank();

            Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010005").status()).isEqualTo(200));
            assertThat(http.get("/api/v1/replicas/schools/51010004").status()).isEqualTo(404);
        }
    }

    @Test
    void updates_and_designation_steps_reach_the_replica_and_an_older_update_replayed_later_changes_nothing() {
        Instant registered = Instant.parse("2020-09-01T00:00:00Z");
        publish(UUID.randomUUID().toString(), school("51010030"));
        publish(UUID.randomUUID().toString(), new SchoolUpdated("51010030", "โรงเรียนบ้านแม่ตืน", "Ban Mae Tuen School",
                "P51-1", "ลำพูน", "ลี้", "แม่ตืน", "510101", "นางสาวกุหลาบ ดอกไม้", 212, 14, registered,
                registered.plusSeconds(60), 2));
        String designation = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), new QualitySchoolDesignationChanged("51010030", "P51-1", "510101",
                designation, "ACTIVE", LocalDate.parse("2019-06-01"), "นำเข้าจากข่าว", LocalDate.parse("2019-06-01"),
                LocalDate.parse("2019-06-01"), LocalDate.parse("2019-06-01"), null, registered.plusSeconds(120), 3));
        publish(UUID.randomUUID().toString(), new SchoolUpdated("51010030", "ชื่อเก่า รุ่น 2", null, "P51-1", "ลำพูน",
                "ลี้", "แม่ตืน", "510101", null, null, null, registered, registered.plusSeconds(60), 2));
        publishOnPartitionOf("51010030", UUID.randomUUID().toString(), school("51010031"));
        publish(UUID.randomUUID().toString(), new EsaUpdated("P51-1", "PRIMARY", 1, "51", "ลำพูน",
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1", "Lamphun Primary Educational Service Area Office 1",
                "ผู้อำนวยการคนใหม่", registered, registered.plusSeconds(60), 7));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010031").status()).isEqualTo(200));
        JsonNode school = http.get("/api/v1/replicas/schools/51010030").json();
        assertThat(school.get("nameTh").asText()).isEqualTo("โรงเรียนบ้านแม่ตืน");
        assertThat(school.get("students").asInt()).isEqualTo(212);
        assertThat(school.get("teachers").asInt()).isEqualTo(14);
        assertThat(school.get("qualityStatus").asText()).isEqualTo("ACTIVE");
        assertThat(school.get("version").asLong()).isEqualTo(3);
        DesignationReplica active = server.getApplicationContext().getBean(DesignationReplicaRepository.class)
                .findById(designation).orElseThrow();
        assertThat(active.activeFrom()).isEqualTo(LocalDate.parse("2019-06-01"));
        assertThat(server.getApplicationContext().getBean(DesignationReplicaRepository.class)
                .findActiveOn("P51-1", LocalDate.parse("2020-09-30"), io.micronaut.data.model.Pageable.from(0, 50))
                .getContent()).extracting(DesignationReplica::school).contains("51010030");
        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/esas/P51-1").json().get("director").asText())
                .isEqualTo("ผู้อำนวยการคนใหม่"));
    }

    @Test
    void a_school_update_delivered_after_a_later_designation_step_still_sets_the_school_s_details() {
        Instant registered = Instant.parse("2020-09-01T00:00:00Z");
        publish(UUID.randomUUID().toString(), school("51010040"));
        String designation = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), step("51010040", designation, "ACTIVE", null, 2));
        publish(UUID.randomUUID().toString(), step("51010040", designation, "WITHDRAWN", "2020-10-01", 4));
        // Version 3 comes late (redriven from the dead-letter topic, say): it is still the newest word on the details.
        publish(UUID.randomUUID().toString(), new SchoolUpdated("51010040", "โรงเรียนบ้านปากล้าว", null, "P51-1",
                "ลำพูน", "เมืองลำพูน", "ในเมือง", "510101", "นายใหม่ ล่าสุด", 300, 20, registered,
                registered.plusSeconds(60), 3));
        publishOnPartitionOf("51010040", UUID.randomUUID().toString(), school("51010041"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010041").status()).isEqualTo(200));
        JsonNode school = http.get("/api/v1/replicas/schools/51010040").json();
        assertThat(school.get("nameTh").asText()).isEqualTo("โรงเรียนบ้านปากล้าว");
        assertThat(school.get("director").asText()).isEqualTo("นายใหม่ ล่าสุด");
        assertThat(school.get("qualityStatus").asText()).isEqualTo("WITHDRAWN");
        assertThat(school.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void a_designation_step_delivered_after_a_later_school_update_still_sets_the_quality_status() {
        Instant registered = Instant.parse("2020-09-01T00:00:00Z");
        publish(UUID.randomUUID().toString(), school("51010050"));
        publish(UUID.randomUUID().toString(), new SchoolUpdated("51010050", "โรงเรียนบ้านเหมืองง่า", null, "P51-1",
                "ลำพูน", "เมืองลำพูน", "ในเมือง", "510101", null, null, null, registered, registered.plusSeconds(60), 3));
        publish(UUID.randomUUID().toString(), step("51010050", UUID.randomUUID().toString(), "ACTIVE", null, 2));
        publishOnPartitionOf("51010050", UUID.randomUUID().toString(), school("51010051"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010051").status()).isEqualTo(200));
        JsonNode school = http.get("/api/v1/replicas/schools/51010050").json();
        assertThat(school.get("qualityStatus").asText()).isEqualTo("ACTIVE");
        assertThat(school.get("nameTh").asText()).isEqualTo("โรงเรียนบ้านเหมืองง่า");
        assertThat(school.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void a_designation_step_delivered_before_its_school_s_registration_is_in_the_school_once_it_arrives() {
        publish(UUID.randomUUID().toString(), step("51010060", UUID.randomUUID().toString(), "ACTIVE", null, 2));
        publish(UUID.randomUUID().toString(), school("51010060"));
        publishOnPartitionOf("51010060", UUID.randomUUID().toString(), school("51010061"));

        Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51010061").status()).isEqualTo(200));
        JsonNode school = http.get("/api/v1/replicas/schools/51010060").json();
        assertThat(school.get("qualityStatus").asText()).isEqualTo("ACTIVE");
        assertThat(school.get("nameTh").asText()).isEqualTo("โรงเรียนทดสอบ 51010060");
        assertThat(school.get("version").asLong()).isEqualTo(2);
    }

    private static QualitySchoolDesignationChanged step(String school, String designation, String status,
                                                        String withdrawnOn, long version) {
        LocalDate on = LocalDate.parse("2019-06-01");
        return new QualitySchoolDesignationChanged(school, "P51-1", "510101", designation, status,
                withdrawnOn == null ? on : LocalDate.parse(withdrawnOn), withdrawnOn == null ? null : "ยุบรวม", on, on, on,
                withdrawnOn == null ? null : LocalDate.parse(withdrawnOn), Instant.parse("2020-09-01T00:00:00Z"), version);
    }

    private SchoolRegistered school(String code) {
        return school(code, "โรงเรียนทดสอบ " + code, 1);
    }

    private SchoolRegistered school(String code, String nameTh, long version) {
        return new SchoolRegistered(code, nameTh, null, "P51-1", "ลำพูน", "เมืองลำพูน", "ในเมือง",
                "510101", null, null, null, Instant.parse("2020-09-01T00:00:00Z"), version);
    }

    private void publish(String eventId, EventData data) {
        publish(eventId, data, "/tambon/schools-service");
    }

    private void publish(String eventId, EventData data, String source) {
        send(data.key(), eventId, data, source);
    }

    /** Publishes with another aggregate's key, so the record lands on that aggregate's partition, after it. */
    private RecordMetadata publishOnPartitionOf(String key, String eventId, EventData data) {
        return send(key, eventId, data, "/tambon/schools-service");
    }

    private RecordMetadata send(String key, String eventId, EventData data, String source) {
        EventType type = EventType.of(data.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, codec.encode(data));
        CloudEventHeaders.write(new CloudEvent(eventId, type.ceType(), source, Instant.now(), data.key(), null),
                record.headers());
        return KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }
}
