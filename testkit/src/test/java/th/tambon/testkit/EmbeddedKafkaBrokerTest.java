package th.tambon.testkit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import th.tambon.testkit.kafka.EmbeddedKafkaBroker;
import th.tambon.testkit.kafka.KafkaProbe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedKafkaBrokerTest {

    @Test
    void a_stopped_broker_comes_back_on_the_same_port_with_its_records() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.onFreePorts().start()) {
            KafkaProbe.createTopic(broker.bootstrapServers(), "probe.v1", 1);
            KafkaProbe.send(broker.bootstrapServers(),
                    new ProducerRecord<>("probe.v1", "k", "before".getBytes(StandardCharsets.UTF_8)));

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            KafkaProbe.send(broker.bootstrapServers(),
                    new ProducerRecord<>("probe.v1", "k", "after".getBytes(StandardCharsets.UTF_8)));
            try (KafkaProbe probe = KafkaProbe.fromBeginning(broker.bootstrapServers(), "probe.v1")) {
                probe.await(r -> "after".equals(KafkaProbe.value(r)), Duration.ofSeconds(20));
                assertThat(probe.records(Duration.ZERO)).extracting(KafkaProbe::value).containsExactly("before", "after");
            }
        }
    }
}
