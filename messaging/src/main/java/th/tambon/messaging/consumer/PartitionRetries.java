package th.tambon.messaging.consumer;

import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The record each partition is retrying, with its attempts so far and when it first failed. Kept across polls,
 * because a record waits for its next attempt with its partition paused, not inside one poll. Used by one consumer
 * thread only.
 */
final class PartitionRetries {
    record Retry(long offset, int attempts, Instant firstFailedAt) {
    }

    private final Map<TopicPartition, Retry> retries = new HashMap<>();

    /** Records one more failed attempt of the record at {@code offset}. */
    Retry failed(TopicPartition partition, long offset, Instant now) {
        Retry previous = retries.get(partition);
        Retry next = previous != null && previous.offset() == offset
                ? new Retry(offset, previous.attempts() + 1, previous.firstFailedAt())
                : new Retry(offset, 1, now);
        retries.put(partition, next);
        return next;
    }

    /** The record at {@code offset} is done with (applied or dead-lettered). */
    void finished(TopicPartition partition, long offset) {
        Retry retry = retries.get(partition);
        if (retry != null && retry.offset() <= offset) {
            retries.remove(partition);
        }
    }

    /**
     * Forgets the partition's retry: its record was held for a reason that is not its own (an outage, an Error), which
     * must not use up its retries, or the partition was taken from this consumer.
     */
    void forget(TopicPartition partition) {
        retries.remove(partition);
    }

    boolean retrying(TopicPartition partition) {
        return retries.containsKey(partition);
    }
}
