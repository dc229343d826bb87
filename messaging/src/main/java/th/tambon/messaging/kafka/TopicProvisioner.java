package th.tambon.messaging.kafka;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.MessagingSettings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service produces to and consumes from, and its dead-letter topic, when they are missing, with
 * micronaut-kafka's {@link AdminClient}; and tells whether an existing topic keeps its events. Not {@code NewTopic}
 * beans: micronaut-kafka creates those once at start-up and gives up when the broker is not there yet, while a service
 * must start before Kafka and create its topics when Kafka arrives (docs/decisions/0003).
 * <p>
 * Every topic is created to keep its events for ever ({@link #KEEP_FOR_EVER}): the events are the source of truth for
 * the replicas and other systems, which rebuild by replaying a topic from its beginning (docs/decisions/0010).
 */
@Singleton
public class TopicProvisioner {
    /** cleanup.policy=delete with neither a time nor a size limit: nothing is ever deleted or compacted away. */
    public static final Map<String, String> KEEP_FOR_EVER = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private final AdminClient admin;
    private final MessagingSettings settings;

    public TopicProvisioner(AdminClient admin, MessagingSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /** A topic as the kit creates it: keeping its events for ever. */
    public static NewTopic newTopic(String name, int partitions, short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(KEEP_FOR_EVER);
    }

    /**
     * Ensures the topics exist and answers those it created; throws when the broker cannot be reached, so the caller
     * can retry.
     */
    public Set<String> ensure(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream().distinct().filter(t -> !existing.contains(t))
                .map(t -> newTopic(t, settings.getTopicPartitions(), settings.getTopicReplicationFactor()))
                .toList();
        Set<String> created = new LinkedHashSet<>();
        if (missing.isEmpty()) {
            return created;
        }
        for (var entry : admin.createTopics(missing).values().entrySet()) {
            try {
                entry.getValue().get(10, TimeUnit.SECONDS);
                created.add(entry.getKey());
                LOG.info("Created topic {} (kept for ever: {})", entry.getKey(), KEEP_FOR_EVER);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        return created;
    }

    /**
     * Creates the topic again if it is missing (deleted by hand, say), saying so loudly; true when it did. A broker that
     * cannot be reached is not a missing topic: false, and a warning.
     */
    public boolean recreateIfMissing(String topic) {
        try {
            if (ensure(List.of(topic)).isEmpty()) {
                return false;
            }
            LOG.error("Topic {} was missing (deleted?) and has been created again", topic);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Topic {} may be missing and could not be created again: {}", topic, e.toString());
            return false;
        }
    }

    /**
     * What each topic's configuration says of its events: kept, dropped (and by which setting, e.g.
     * "retention.ms=604800000"), or unknown because it could not be read (a missing topic, no permission, a broker
     * away); each topic is judged on its own.
     */
    public Map<String, Retention> retention(Collection<String> topics) throws InterruptedException {
        List<ConfigResource> resources = topics.stream().distinct()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        var futures = admin.describeConfigs(resources).values();
        Map<String, Retention> retention = new LinkedHashMap<>();
        for (ConfigResource resource : resources) {
            try {
                Config config = futures.get(resource).get(10, TimeUnit.SECONDS);
                retention.put(resource.name(), new Retention(droppedBy(config).orElse(null), null));
            } catch (ExecutionException e) {
                retention.put(resource.name(), new Retention(null, e.getCause()));
            } catch (TimeoutException e) {
                retention.put(resource.name(), new Retention(null, e));
            }
        }
        return retention;
    }

    /** A topic's retention: {@code dropping} says what drops events (null when kept); {@code unreadable} why unknown. */
    public record Retention(String dropping, Throwable unreadable) {
        public boolean missing() {
            return unreadable instanceof UnknownTopicOrPartitionException;
        }
    }

    /** What in a topic's configuration deletes or compacts events away, or empty when it keeps them all. */
    static Optional<String> droppedBy(Config config) {
        List<String> wrong = KEEP_FOR_EVER.entrySet().stream()
                .filter(wanted -> {
                    var entry = config == null ? null : config.get(wanted.getKey());
                    return entry == null || !wanted.getValue().equals(entry.value());
                })
                .map(wanted -> {
                    var entry = config == null ? null : config.get(wanted.getKey());
                    return wanted.getKey() + "=" + (entry == null ? "?" : entry.value());
                })
                .sorted()
                .toList();
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", wrong));
    }
}
