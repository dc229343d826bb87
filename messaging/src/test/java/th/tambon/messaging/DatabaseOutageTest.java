package th.tambon.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import reactor.core.publisher.Mono;
import th.tambon.messaging.health.MessagingHealthIndicator;
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
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the consumer's database cannot take the record (unreachable, or read-only as after a failover), a record is
 * neither dead-lettered nor skipped: it waits, and is applied once the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;

    @BeforeAll
    void start() throws SQLException {
        try (Connection connection = infra.database().connect()) {
            connection.createStatement().execute("CREATE TABLE applied_school (code TEXT PRIMARY KEY, times INT NOT NULL)");
        }
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "outage-test");
        props.put("datasources.default.connection-timeout", "1000");
        props.put("tambon.messaging.max-attempts", 2);
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.max-backoff", "200ms");
        props.put("kit-test.subscription", "true");
        context = ApplicationContext.run(props);
    }

    @AfterAll
    void stop() throws SQLException {
        allowConnections(true);
        readOnly(false);
        if (context != null) {
            context.close();
        }
    }

    @Test
    void a_record_arriving_while_the_database_is_down_is_applied_once_it_is_back_and_never_dead_lettered()
            throws SQLException {
        String eventId = UUID.randomUUID().toString();
        double deferredBefore = deferred();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "outage-test.dlq")) {
            allowConnections(false);
            send(eventId, "51020001");

            Eventually.await(WAIT, () -> assertThat(deferred()).isGreaterThanOrEqualTo(deferredBefore + 2));
            Eventually.await(WAIT, () -> assertThat(messagingReadiness()).isEqualTo(HealthStatus.DOWN));
            allowConnections(true);

            Eventually.await(WAIT, () -> assertThat(times("51020001")).isEqualTo(1));
            Eventually.await(WAIT, () -> assertThat(messagingReadiness()).isEqualTo(HealthStatus.UP));
            assertThat(deadLetters.records(Duration.ofMillis(500)))
                    .noneMatch(r -> eventId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)));
        }
    }

    @Test
    void a_record_arriving_while_the_database_is_read_only_waits_and_is_applied_once_it_is_writable_again()
            throws SQLException {
        String eventId = UUID.randomUUID().toString();
        double deferredBefore = deferred();
        try (KafkaProbe deadLetters = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), "outage-test.dlq")) {
            readOnly(true);
            send(eventId, "51020002");

            // More attempts than a failing handler gets (max-attempts 2) before it is dead-lettered.
            Eventually.await(WAIT, () -> assertThat(deferred()).isGreaterThanOrEqualTo(deferredBefore + 4));
            Eventually.await(WAIT, () -> assertThat(messagingReadiness()).isEqualTo(HealthStatus.DOWN));
            assertThat(times("51020002")).isZero();
            readOnly(false);

            Eventually.await(WAIT, () -> assertThat(times("51020002")).isEqualTo(1));
            Eventually.await(WAIT, () -> assertThat(messagingReadiness()).isEqualTo(HealthStatus.UP));
            assertThat(deadLetters.records(Duration.ofMillis(500)))
                    .noneMatch(r -> eventId.equals(KafkaProbe.header(r, CloudEventHeaders.ID)));
        }
    }

    private HealthStatus messagingReadiness() {
        return Mono.from(context.getBean(MessagingHealthIndicator.class).getResult()).block().getStatus();
    }

    private double deferred() {
        var counter = context.getBean(MeterRegistry.class).find("tambon.consumer.deferred").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Closes the database to new connections and ends the open ones, as an outage would; or opens it again. */
    private void allowConnections(boolean allowed) throws SQLException {
        var server = th.tambon.testkit.Infrastructure.postgres();
        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + infra.database().name() + " WITH ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + infra.database().name() + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    /**
     * Makes the database refuse writes, as a primary demoted by a failover does (SQL state 25006), or takes that
     * back; the open connections are ended so the pool's new ones see the change.
     */
    private void readOnly(boolean readOnly) throws SQLException {
        var server = th.tambon.testkit.Infrastructure.postgres();
        try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + infra.database().name()
                    + (readOnly ? " SET default_transaction_read_only = on" : " RESET default_transaction_read_only"));
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + infra.database().name() + "' AND pid <> pg_backend_pid()");
        }
    }

    private void send(String eventId, String code) {
        SchoolRegistered school = new SchoolRegistered(code, "ระหว่างฐานข้อมูลล่ม", null, "P51-1", "ลำพูน", "เมืองลำพูน",
                "ในเมือง", "510101", null, null, null, Instant.parse("2020-09-28T02:00:00Z"), 1);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, code,
                context.getBean(EventCodec.class).encode(school));
        CloudEventHeaders.write(new CloudEvent(eventId, EventType.SCHOOL_REGISTERED.ceType(), "/tambon/test",
                Instant.now(), code, null), record.headers());
        KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }

    private int times(String code) throws SQLException {
        try (Connection connection = infra.database().connect(); ResultSet rs = connection.createStatement()
                .executeQuery("SELECT coalesce(sum(times), 0) FROM applied_school WHERE code = '" + code + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
