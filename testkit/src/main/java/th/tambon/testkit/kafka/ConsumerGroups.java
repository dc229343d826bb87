package th.tambon.testkit.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import th.tambon.testkit.Eventually;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a service's consumer group has finished, as the broker records it. */
public final class ConsumerGroups {
    private ConsumerGroups() {
    }

    /**
     * Waits (up to {@code timeout}) until consumer group {@code group} has committed, on every partition of
     * {@code topic}, an offset at the end of what was written to it: it has finished every record written so far.
     */
    public static void awaitCaughtUp(String bootstrapServers, String group, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            Eventually.await(timeout, () -> {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .stream().map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(partitions).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    long done = committed.containsKey(partition) && committed.get(partition) != null
                            ? committed.get(partition).offset() : 0;
                    if (done < end.offset()) {
                        throw new AssertionError(group + " on " + partition + " has committed offset " + done
                                + ", the partition ends at " + end.offset());
                    }
                });
            });
        }
    }
}
