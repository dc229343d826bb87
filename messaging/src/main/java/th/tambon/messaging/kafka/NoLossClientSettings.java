package th.tambon.messaging.kafka;

import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Map;
import java.util.Properties;

/**
 * The Kafka client settings nothing-lost depends on, applied to every producer and consumer configuration
 * micronaut-kafka creates (from {@code kafka.producers.*} and {@code kafka.consumers.*}): missing ones are set, and a
 * configuration that contradicts one stops the service at start-up rather than losing messages later.
 */
public final class NoLossClientSettings {
    static final Map<String, String> PRODUCER = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    static final Map<String, String> CONSUMER = Map.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");

    private NoLossClientSettings() {
    }

    static void apply(Properties config, Map<String, String> required, String what) {
        required.forEach((name, value) -> {
            Object configured = config.putIfAbsent(name, value);
            if (configured != null && !String.valueOf(configured).equalsIgnoreCase(value)) {
                throw new ConfigurationException(what + " must have " + name + "=" + value + " (configured: "
                        + configured + "): the messaging kit relies on it to lose nothing");
            }
        });
    }

    @Singleton
    static class Producers implements BeanCreatedEventListener<AbstractKafkaProducerConfiguration<?, ?>> {
        @Override
        public AbstractKafkaProducerConfiguration<?, ?> onCreated(
                BeanCreatedEvent<AbstractKafkaProducerConfiguration<?, ?>> event) {
            apply(event.getBean().getConfig(), PRODUCER, "a Kafka producer");
            return event.getBean();
        }
    }

    @Singleton
    static class Consumers implements BeanCreatedEventListener<AbstractKafkaConsumerConfiguration<?, ?>> {
        @Override
        public AbstractKafkaConsumerConfiguration<?, ?> onCreated(
                BeanCreatedEvent<AbstractKafkaConsumerConfiguration<?, ?>> event) {
            apply(event.getBean().getConfig(), CONSUMER, "a Kafka consumer");
            return event.getBean();
        }
    }
}
