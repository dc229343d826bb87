package th.tambon.replica.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service that runs the schools replica must show, started as itself (its own application.yml): schools.v1
 * reaches its replica API, and what it cannot read goes to its own DLQ under its own consumer group. A service's
 * test extends this with its name; shipped in schools-replica's test-jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SchoolsReplicaWiringContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private final String service;
    private EmbeddedServer server;
    private TestHttp http;

    /** @param service the service under test, e.g. {@code events-service} */
    protected SchoolsReplicaWiringContract(String service) {
        this.service = service;
    }

    @BeforeAll
    void start() {
        server = infra.startService();
        http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_registered_school_reaches_the_replica_and_a_poison_record_reaches_the_services_own_dlq() {
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), service + ".dlq")) {
            String poisonId = UUID.randomUUID().toString();
            send(poisonId, "51040001", "not json".getBytes(StandardCharsets.UTF_8));
            SchoolRegistered school = new SchoolRegistered("51040002", "โรงเรียนบ้านทดสอบ", null, "P51-1", "ลำพูน",
                    "เมืองลำพูน", "ในเมือง", "510101", null, null, null, Instant.parse("2020-09-01T00:00:00Z"), 1);
            send(UUID.randomUUID().toString(), "51040001",
                    server.getApplicationContext().getBean(EventCodec.class).encode(school));

            Eventually.await(WAIT, () -> assertThat(http.get("/api/v1/replicas/schools/51040002").status()).isEqualTo(200));
            ConsumerRecord<String, byte[]> letter = deadLetters.await(
                    r -> poisonId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.CONSUMER)).isEqualTo(service + ".schools-replica");
            assertThat(KafkaProbe.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.SCHOOLS_V1);
        }
    }

    private void send(String eventId, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, key, value);
        CloudEventHeaders.write(new CloudEvent(eventId, EventType.SCHOOL_REGISTERED.ceType(), "/tambon/schools-service",
                Instant.now(), key, null), record.headers());
        KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }
}
