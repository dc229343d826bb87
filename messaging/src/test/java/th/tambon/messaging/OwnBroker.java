package th.tambon.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import th.tambon.messaging.kafka.TopicProvisioner;
import th.tambon.testkit.kafka.EmbeddedKafkaBroker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker for one test class alone, for tests whose topics must hold only their own records (or whose topic
 * settings must touch no other class). Register it after {@code RealInfrastructure}: it stops after the class's
 * {@code @AfterAll} closed its contexts, and before the database is dropped.
 */
final class OwnBroker implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedKafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.onFreePorts().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.stop();
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topic as the kit would, before any service does. */
    void createKitTopic(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(TopicProvisioner.newTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
