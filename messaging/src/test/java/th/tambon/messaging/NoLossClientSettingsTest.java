package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Kafka client configured so that it could lose messages stops the service at start-up, naming the setting. */
class NoLossClientSettingsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    @Test
    void a_relay_producer_configured_with_acks_1_stops_the_service_from_starting() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "no-loss-test");
        props.put("kafka.producers.outbox-relay.acks", "1");

        assertThatThrownBy(() -> ApplicationContext.run(props).close())
                .hasStackTraceContaining("acks=all (configured: 1)");
    }
}
