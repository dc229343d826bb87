package th.tambon.messaging.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * The base of every Kafka consumer of Tambon: a micronaut-kafka {@code @KafkaListener} bean whose records go through
 * the kit. A subclass is annotated
 * <pre>{@code
 * @KafkaListener(groupId = "${micronaut.application.name}.schools-replica",
 *         clientId = "${micronaut.application.name}.schools-replica-${tambon.messaging.instance-id:HOSTNAME:local}",
 *         offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true)
 * }</pre>
 * passes its {@link Subscription} to this constructor and declares one blocking method,
 * {@code @Topic(...) void receive(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer)},
 * that calls {@link #deliver}. The kit applies the poll's records in one transaction with their inbox rows (one at a
 * time when one fails), dead-letters what it must, and leaves each partition positioned after the records it
 * finished; micronaut-kafka then commits those positions ({@code SYNC}), only after the database commit. As a
 * {@link ConsumerRebalanceListener} (micronaut-kafka subscribes with the bean when it is one), it forgets what it kept
 * about partitions taken from it, so a partition that waited here no longer keeps readiness DOWN once another
 * instance has it.
 */
public abstract class InboxListener implements ConsumerRebalanceListener {
    private final Delivery delivery;
    private final Subscription subscription;
    private final Delivery.Listener state;

    protected InboxListener(Delivery delivery, Subscription subscription) {
        this.delivery = delivery;
        this.subscription = subscription;
        this.state = delivery.register(getClass().getSimpleName(), subscription);
    }

    /** Processes one poll's records; never throws, so micronaut-kafka only commits what was finished. */
    protected final void deliver(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        delivery.deliver(state, records, consumer);
    }

    @Override
    public final void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        state.revoked(partitions);
    }

    @Override
    public final void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    public final Subscription subscription() {
        return subscription;
    }
}
