package th.tambon.messaging.kafka;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import th.tambon.messaging.MessagingSettings;

import java.util.HashMap;
import java.util.Map;

/** The kit's Kafka clients, configured for no loss: idempotent producer with acks=all, manual offset commits. */
@Factory
public class KafkaClients {
    private final String bootstrapServers;
    private final String serviceName;
    private final MessagingSettings settings;

    public KafkaClients(@Value("${kafka.bootstrap.servers:`127.0.0.1:9092`}") String bootstrapServers,
                        @Value("${micronaut.application.name}") String serviceName,
                        MessagingSettings settings) {
        this.bootstrapServers = bootstrapServers;
        this.serviceName = serviceName;
        this.settings = settings;
    }

    public String serviceName() {
        return serviceName;
    }

    @Singleton
    @Bean(preDestroy = "close")
    Producer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.getProducerDeliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(settings.getProducerDeliveryTimeout().toMillis(), 15_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.getProducerMaxBlock().toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Admin admin() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-admin");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    /** A new consumer for one subscription; its group is the subscription's consumer name. */
    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + ProcessHandle.current().pid());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.getAutoOffsetReset());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
