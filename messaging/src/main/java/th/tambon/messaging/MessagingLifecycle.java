package th.tambon.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.Topics;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.messaging.consumer.Subscription;
import th.tambon.messaging.consumer.Subscriptions;
import th.tambon.messaging.kafka.KafkaClients;
import th.tambon.messaging.kafka.TopicProvisioner;
import th.tambon.messaging.outbox.OutboxRelay;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the kit once the application is up: ensure the topics exist (retrying while the broker is away, so a service
 * starts even when Kafka does not answer yet), then run the outbox relay and the subscriptions. Stops them on shutdown,
 * letting in-flight messages finish.
 */
@Singleton
public class MessagingLifecycle implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MessagingLifecycle.class);

    private final MessagingSettings settings;
    private final TopicProvisioner provisioner;
    private final OutboxRelay relay;
    private final Subscriptions subscriptions;
    private final List<Subscription> declared;
    private final String serviceName;
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    public MessagingLifecycle(MessagingSettings settings, TopicProvisioner provisioner, OutboxRelay relay,
                              KafkaClients clients, Producer<String, byte[]> producer,
                              TransactionOperations<Connection> transactions, EventCodec codec, MeterRegistry meters,
                              List<Subscription> declared) {
        this.settings = settings;
        this.provisioner = provisioner;
        this.relay = relay;
        this.declared = declared;
        this.serviceName = clients.serviceName();
        this.subscriptions = new Subscriptions(serviceName, clients, producer, transactions, codec, settings, meters);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        Thread starter = new Thread(this::start, serviceName + "-messaging-start");
        starter.setDaemon(true);
        synchronized (threads) {
            threads.add(starter);
        }
        starter.start();
    }

    private void start() {
        List<String> topics = new ArrayList<>(settings.getProduces());
        declared.forEach(s -> topics.addAll(s.topics()));
        if (!declared.isEmpty()) {
            topics.add(Topics.deadLetterOf(serviceName));
        }
        for (int attempt = 1; running; attempt++) {
            try {
                provisioner.ensure(topics);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("Kafka not reachable to check topics {} (attempt {}): {}", topics, attempt, e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(settings.backoffAfter(attempt).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        synchronized (threads) {
            if (!running) {
                return;
            }
            if (settings.isRelayEnabled()) {
                Thread relayThread = new Thread(() -> relay.run(() -> running), serviceName + "-outbox-relay");
                threads.add(relayThread);
                relayThread.start();
            }
            if (settings.isConsumersEnabled()) {
                threads.addAll(subscriptions.start(declared));
            }
        }
        LOG.info("Messaging started: topics {}, relay {}, subscriptions {}", topics,
                settings.isRelayEnabled() ? "on" : "off", declared.stream().map(Subscription::name).toList());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        List<Thread> toJoin;
        synchronized (threads) {
            running = false;
            toJoin = new ArrayList<>(threads);
        }
        subscriptions.stop();
        for (Thread thread : toJoin) {
            thread.interrupt();
        }
        for (Thread thread : toJoin) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
