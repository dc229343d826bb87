package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two service instances share one outbox: every event is published, and one aggregate's events stay in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipleRelaysTest {
    private static final int EVENTS_PER_KEY = 60;

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private final List<ApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    void start() {
        for (int i = 0; i < 2; i++) {
            Map<String, Object> props = new HashMap<>(infra.serviceProperties());
            props.put("micronaut.application.name", "relay-test");
            props.put("tambon.messaging.produces", Topics.SCHOOLS_V1);
            props.put("tambon.messaging.relay-batch-size", 7);
            props.put("tambon.messaging.relay-poll-interval", "20ms");
            instances.add(ApplicationContext.run(props));
        }
    }

    @AfterAll
    void stop() {
        instances.forEach(ApplicationContext::close);
    }

    @Test
    void events_appended_through_two_instances_are_all_published_in_order_per_key() {
        List<String> keys = List.of("51030001", "51030002", "51030003");
        try (KafkaProbe probe = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
            for (int n = 1; n <= EVENTS_PER_KEY; n++) {
                for (String key : keys) {
                    append(instances.get(n % 2), key, n);
                }
            }
            for (String key : keys) {
                probe.await(r -> key.equals(r.key()) && KafkaProbe.value(r).contains(label(EVENTS_PER_KEY)),
                        Duration.ofSeconds(60));
            }

            for (String key : keys) {
                // A redelivery may repeat an event, never reorder: the first sighting of each must be in sequence.
                var sequence = new LinkedHashSet<Integer>();
                probe.records(Duration.ofMillis(200)).stream()
                        .filter(r -> key.equals(r.key()))
                        .forEach(r -> sequence.add(sequenceOf(KafkaProbe.value(r))));
                List<Integer> expected = new ArrayList<>();
                for (int n = 1; n <= EVENTS_PER_KEY; n++) {
                    expected.add(n);
                }
                assertThat(sequence).as("events of " + key + " in order").containsExactlyElementsOf(expected);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void append(ApplicationContext instance, String key, int n) {
        TransactionOperations<Connection> transactions = instance.getBean(TransactionOperations.class);
        Outbox outbox = instance.getBean(Outbox.class);
        transactions.executeWrite(status -> outbox.append(new SchoolRegistered(key, label(n), null, "P51-1", "ลำพูน",
                "เมืองลำพูน", "ในเมือง", "510101", null, null, null, Instant.parse("2020-09-28T02:00:00Z"), n)));
    }

    private static String label(int n) {
        return String.format("ลำดับ-%03d", n);
    }

    private static int sequenceOf(String json) {
        int at = json.indexOf("ลำดับ-");
        return Integer.parseInt(json.substring(at + "ลำดับ-".length(), at + "ลำดับ-".length() + 3));
    }
}
