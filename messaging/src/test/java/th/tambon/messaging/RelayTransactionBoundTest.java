package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.EmbeddedKafkaBroker;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * While the broker does not acknowledge, the relay keeps its lane's transaction open no longer than its send
 * timeout (it would otherwise wait for every acknowledgement as long as the producer tries, holding locks and a
 * pool connection), and publishes everything once the broker is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayTransactionBoundTest {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    // A broker of this class's own, so stopping it disturbs no other test.
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.onFreePorts();
    private ApplicationContext context;

    @BeforeAll
    void start() {
        broker.start();
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("kafka.bootstrap.servers", broker.bootstrapServers());
        props.put("micronaut.application.name", "tx-bound-test");
        props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
        props.put("tambon.messaging.relay-send-timeout", SEND_TIMEOUT.toMillis() + "ms");
        props.put("tambon.messaging.relay-max-backoff", "500ms");
        context = ApplicationContext.run(props);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        broker.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void without_acknowledgements_no_relay_transaction_outlives_the_send_timeout_and_nothing_is_lost()
            throws Exception {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        Outbox outbox = context.getBean(Outbox.class);
        UUID warmUp = transactions.executeWrite(status -> outbox.append(school("63010000", "ก่อนโบรกเกอร์หยุด")));
        try (KafkaProbe topic = KafkaProbe.fromBeginning(broker.bootstrapServers(), Topics.SCHOOLS_V1)) {
            topic.await(r -> warmUp.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), Duration.ofSeconds(30));
        }

        broker.stop();
        List<UUID> events = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String code = "6301000" + i;
            events.add(transactions.executeWrite(status -> outbox.append(school(code, "ระหว่างโบรกเกอร์หยุด"))));
        }
        double longest = 0;
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < until) {
            longest = Math.max(longest, longestOpenTransactionSeconds());
            Thread.sleep(50);
        }
        assertThat(longest).as("seconds a transaction stayed open while the broker was away")
                .isGreaterThan(0).isLessThan(SEND_TIMEOUT.toSeconds() + 2.0);

        broker.start();
        try (KafkaProbe topic = KafkaProbe.fromBeginning(broker.bootstrapServers(), Topics.SCHOOLS_V1)) {
            for (UUID event : events) {
                topic.await(r -> event.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)),
                        Duration.ofSeconds(60));
            }
        }
    }

    private double longestOpenTransactionSeconds() throws Exception {
        try (Connection connection = infra.database().connect(); ResultSet rs = connection.createStatement().executeQuery("""
                SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start)), 0) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL""")) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
