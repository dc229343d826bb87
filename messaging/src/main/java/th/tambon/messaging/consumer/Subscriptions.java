package th.tambon.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.producer.Producer;
import th.tambon.contracts.Topics;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.messaging.kafka.KafkaClients;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Runs each declared subscription on a thread of its own. */
public final class Subscriptions {
    private final String serviceName;
    private final KafkaClients clients;
    private final Producer<String, byte[]> producer;
    private final TransactionOperations<Connection> transactions;
    private final EventCodec codec;
    private final MessagingSettings settings;
    private final MeterRegistry meters;
    private final List<SubscriptionWorker> workers = new ArrayList<>();

    public Subscriptions(String serviceName, KafkaClients clients, Producer<String, byte[]> producer,
                         TransactionOperations<Connection> transactions, EventCodec codec,
                         MessagingSettings settings, MeterRegistry meters) {
        this.serviceName = serviceName;
        this.clients = clients;
        this.producer = producer;
        this.transactions = transactions;
        this.codec = codec;
        this.settings = settings;
        this.meters = meters;
    }

    /** The consumer group and inbox name of a subscription. */
    public static String consumerName(String serviceName, Subscription subscription) {
        return serviceName + "." + subscription.name();
    }

    public synchronized List<Thread> start(List<Subscription> subscriptions) {
        List<Thread> threads = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            String name = consumerName(serviceName, subscription);
            SubscriptionWorker worker = new SubscriptionWorker(subscription, name, Topics.deadLetterOf(serviceName),
                    clients, producer, transactions, codec, settings, meters);
            workers.add(worker);
            Thread thread = new Thread(worker, name);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    public synchronized void stop() {
        workers.forEach(SubscriptionWorker::stop);
    }
}
