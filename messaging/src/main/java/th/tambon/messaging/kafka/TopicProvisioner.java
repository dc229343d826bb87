package th.tambon.messaging.kafka;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
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

/** Creates the topics a service produces to and consumes from, and its dead-letter topic, when they are missing. */
@Singleton
public class TopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private final Admin admin;
    private final MessagingSettings settings;

    public TopicProvisioner(Admin admin, MessagingSettings settings) {
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
