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
import th.tambon.messaging.kafka.RetentionWatch;
import th.tambon.messaging.kafka.TopicProvisioner;
import th.tambon.messaging.outbox.OutboxRelay;


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
 * starts before Kafka does), then watches that they keep their events ({@link RetentionWatch}, whose gate the relay
 * waits at) and runs the outbox relay, each on a thread of its own. The listeners are micronaut-kafka's
 * to run. On shutdown the relay finishes its round.
 */
@Singleton
public class MessagingStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingStartup.class);

    private final MessagingSettings settings;
    private final RetentionWatch retention;
    private final TopicProvisioner provisioner;
    private final OutboxRelay relay;
    private final List<InboxListener> listeners;
    private final String serviceName;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public MessagingStartup(MessagingSettings settings, RetentionWatch retention, TopicProvisioner provisioner,
                            OutboxRelay relay, List<InboxListener> listeners,
                            @Value("${micronaut.application.name}") String serviceName) {
        this.settings = settings;
        this.retention = retention;
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
        Set<String> produced = new LinkedHashSet<>(settings.getProduces());
        start(serviceName + "-retention-watch", () -> retention.run(produced, topics, () -> running));
        if (settings.isRelayEnabled()) {
            start(serviceName + "-outbox-relay", () -> relay.run(() -> running));
        }
        LOG.info("Messaging started: topics {}, relay {}, listeners {}", topics, settings.isRelayEnabled() ? "on" : "off",
                listeners.stream().map(l -> l.getClass().getSimpleName()).toList());
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
