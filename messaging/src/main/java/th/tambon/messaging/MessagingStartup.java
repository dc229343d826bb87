package th.tambon.messaging;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.Topics;
import th.tambon.messaging.consumer.InboxListener;
import th.tambon.messaging.kafka.TopicProvisioner;
import th.tambon.messaging.outbox.OutboxRelay;

import th.tambon.messaging.health.MessagingHealth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Once the application is up: ensures the service's topics exist (retrying while the broker is away, so a service
 * starts before Kafka does) and keep their events, then runs the outbox relay on a thread of its own. The listeners are micronaut-kafka's
 * to run. On shutdown the relay finishes its round.
 */
@Singleton
public class MessagingStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingStartup.class);

    private final MessagingSettings settings;
    private final MessagingHealth health;
    private final TopicProvisioner provisioner;
    private final OutboxRelay relay;
    private final List<InboxListener> listeners;
    private final String serviceName;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public MessagingStartup(MessagingSettings settings, MessagingHealth health, TopicProvisioner provisioner,
                            OutboxRelay relay, List<InboxListener> listeners,
                            @Value("${micronaut.application.name}") String serviceName) {
        this.settings = settings;
        this.health = health;
        this.provisioner = provisioner;
        this.relay = relay;
        this.listeners = listeners;
        this.serviceName = serviceName;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start(serviceName + "-messaging-start", this::start);
    }

    /** The topics this service needs: those it publishes, those its listeners read, and its dead-letter topic. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(settings.getProduces());
        listeners.forEach(listener -> topics.addAll(listener.subscription().topics()));
        if (!listeners.isEmpty()) {
            topics.add(Topics.deadLetterOf(serviceName));
        }
        return topics;
    }

    /** The topics whose events are this service's to keep: those it publishes, and its dead-letter topic. */
    private Set<String> ownTopics() {
        Set<String> own = new LinkedHashSet<>(settings.getProduces());
        if (!listeners.isEmpty()) {
            own.add(Topics.deadLetterOf(serviceName));
        }
        return own;
    }

    private void start() {
        Set<String> topics = topics();
        for (int attempt = 1; running; attempt++) {
            try {
                provisioner.ensure(topics);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Kafka not reachable to check topics {} (attempt {}): {}", topics, attempt, e.toString());
                if (!pause(settings.backoffAfter(attempt))) {
                    return;
                }
            }
        }
        if (!topicsKeepTheirEvents(topics)) {
            return;
        }
        if (settings.isRelayEnabled()) {
            start(serviceName + "-outbox-relay", () -> relay.run(() -> running));
        }
        LOG.info("Messaging started: topics {}, relay {}, listeners {}", topics, settings.isRelayEnabled() ? "on" : "off",
                listeners.stream().map(l -> l.getClass().getSimpleName()).toList());
    }

    /**
     * Waits until the service's own topics keep every event (docs/decisions/0010): a replica rebuilt by replay would
     * miss what a topic deleted or compacted away. Until then readiness is DOWN, the relay publishes nothing and an
     * error says what to change; a topic of another service that this one only reads is a warning. False when the
     * service stops meanwhile.
     */
    private boolean topicsKeepTheirEvents(Set<String> topics) {
        Set<String> own = ownTopics();
        Set<String> warned = new java.util.HashSet<>();
        for (int attempt = 1; running; attempt++) {
            try {
                Map<String, String> dropping = provisioner.droppingEvents(topics);
                Map<String, String> refused = new LinkedHashMap<>();
                dropping.forEach((topic, why) -> {
                    String problem = topic + " would drop events that a replay needs (" + why + ")";
                    if (own.contains(topic) && settings.isRefuseTopicsDroppingEvents()) {
                        refused.put(topic, problem);
                    } else {
                        health.warn(topic, problem);
                        if (warned.add(topic)) {
                            LOG.warn("{}; a consumer rebuilt by replay would miss them. {}", problem, fix(topic));
                        }
                    }
                });
                if (refused.isEmpty()) {
                    health.topics().progressed();
                    return true;
                }
                String why = String.join("; ", refused.values());
                health.topics().stuck(new IllegalStateException(why));
                LOG.error("{}: the outbox relay publishes nothing until it keeps them. {}", why,
                        refused.keySet().stream().map(MessagingStartup::fix).collect(Collectors.joining(" ")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("Could not read the configuration of topics {} (attempt {}): {}", topics, attempt, e.toString());
            }
            if (!pause(settings.backoffAfter(attempt))) {
                return false;
            }
        }
        return false;
    }

    private static String fix(String topic) {
        return "To keep its events: kafka-configs.sh --bootstrap-server <broker> --alter --entity-type topics "
                + "--entity-name " + topic + " --add-config cleanup.policy=delete,retention.ms=-1,retention.bytes=-1";
    }

    private boolean pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void start(String name, Runnable work) {
        synchronized (threads) {
            if (!running) {
                return;
            }
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        List<Thread> toJoin;
        synchronized (threads) {
            running = false;
            toJoin = new ArrayList<>(threads);
        }
        for (Thread thread : toJoin) {
            thread.interrupt();
        }
        for (Thread thread : toJoin) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
