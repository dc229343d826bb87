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
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static th.tambon.messaging.KitRecords.school;

/**
 * Two transactions announce events of the same aggregate: whoever appended first is published first, even when the
 * second commits before the first would have (outbox ids are taken at insert, not at commit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxKeyOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "key-order-test");
        props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
        props.put("tambon.messaging.relay-poll-interval", "20ms");
        context = ApplicationContext.run(props);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_key_appended_to_by_two_transactions_is_published_in_the_order_they_appended() throws Exception {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        Outbox outbox = context.getBean(Outbox.class);
        String key = "62010001";
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (KafkaProbe topic = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            CompletableFuture<UUID> first = CompletableFuture.supplyAsync(() -> transactions.executeWrite(status -> {
                UUID id = outbox.append(school(key, "ลำดับที่ 1"));
                firstAppended.countDown();
                releaseFirst.await(30, TimeUnit.SECONDS);
                return id;
            }));
            assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<UUID> second = CompletableFuture.supplyAsync(() ->
                    transactions.executeWrite(status -> outbox.append(school(key, "ลำดับที่ 2"))));

            // The second either waits for the first (the kit holds the key) or has committed already (it does not).
            Eventually.await(WAIT, () -> assertThat(second.isDone() || waitsOnAdvisoryLock()).isTrue());
            releaseFirst.countDown();
            UUID firstId = first.get(30, TimeUnit.SECONDS);
            UUID secondId = second.get(30, TimeUnit.SECONDS);

            topic.await(r -> firstId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            topic.await(r -> secondId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)), WAIT);
            List<String> order = topic.records(Duration.ofMillis(200)).stream().filter(r -> key.equals(r.key()))
                    .map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).distinct().toList();
            assertThat(order).containsExactly(firstId.toString(), secondId.toString());
        }
    }

    private boolean waitsOnAdvisoryLock() throws Exception {
        try (Connection connection = infra.database().connect(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
