package th.tambon.schools;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.EmbeddedKafkaBroker;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing lost: a registration committed while Kafka is down is published once the broker is back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    // A broker of this class's own, so stopping it disturbs no other test.
    private final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.onFreePorts();
    private EmbeddedServer server;
    private TestHttp http;

    @BeforeAll
    void start() {
        broker.start();
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("kafka.bootstrap.servers", broker.bootstrapServers());
        props.put("micronaut.server.port", -1);
        props.put("tambon.messaging.max-backoff", "500ms");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        Eventually.await(Duration.ofSeconds(30), () ->
                assertThat(http.get("/health/readiness").json().at("/details/kafka/status").asText()).isEqualTo("UP"));
        assertThat(http.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        broker.close();
    }

    @Test
    void a_school_registered_while_the_broker_is_down_is_published_when_it_returns() {
        broker.stop();
        Eventually.await(Duration.ofSeconds(30), () ->
                assertThat(http.get("/health/readiness").json().at("/details/kafka/status").asText()).isEqualTo("DOWN"));

        assertThat(http.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai())).status()).isEqualTo(201);

        broker.start();
        try (KafkaProbe probe = KafkaProbe.fromBeginning(broker.bootstrapServers(), Topics.SCHOOLS_V1)) {
            probe.await(r -> "31040001".equals(r.key()), Duration.ofSeconds(60));
        }
    }
}
