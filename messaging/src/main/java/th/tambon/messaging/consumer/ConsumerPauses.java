package th.tambon.messaging.consumer;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Pauses a listener's partitions for a while through micronaut-kafka's {@link ConsumerRegistry}, so a record that
 * must wait for its next attempt waits without holding up the consumer's other partitions or its poll loop.
 */
@Singleton
class ConsumerPauses {
    private final BeanProvider<ConsumerRegistry> registry;
    private final TaskScheduler scheduler;

    ConsumerPauses(BeanProvider<ConsumerRegistry> registry, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.registry = registry;
        this.scheduler = scheduler;
    }

    /** The id micronaut-kafka knows the consumer by (its client id). */
    Optional<String> idOf(Consumer<?, ?> consumer) {
        ConsumerRegistry consumers = registry.get();
        return consumers.getConsumerIds().stream().filter(id -> consumers.getConsumer(id) == consumer).findFirst();
    }

    void pause(String consumerId, Set<TopicPartition> partitions, Duration duration) {
        ConsumerRegistry consumers = registry.get();
        consumers.pause(consumerId, partitions);
        scheduler.schedule(duration, () -> {
            try {
                consumers.resume(consumerId, partitions);
            } catch (IllegalArgumentException closed) {
                // the consumer was closed meanwhile
            }
        });
    }
}
