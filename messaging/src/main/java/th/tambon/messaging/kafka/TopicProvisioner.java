package th.tambon.messaging.kafka;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service produces to and consumes from, and its dead-letter topic, when they are missing, with
 * micronaut-kafka's {@link AdminClient}. Not {@code NewTopic} beans: micronaut-kafka creates those once at start-up and
 * gives up when the broker is not there yet, while a service must start before Kafka and create its topics when
 * Kafka arrives (docs/decisions/0003).
 */
@Singleton
public class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private final AdminClient admin;
    private final MessagingSettings settings;

    public TopicProvisioner(AdminClient admin, MessagingSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** Ensures the topics exist; throws when the broker cannot be reached, so the caller can retry. */
    public void ensure(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().distinct().filter(t -> !existing.contains(t))
                .map(t -> new NewTopic(t, settings.getTopicPartitions(), settings.getTopicReplicationFactor()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(10, TimeUnit.SECONDS);
                LOG.info("Created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
