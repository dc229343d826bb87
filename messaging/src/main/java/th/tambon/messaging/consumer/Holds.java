package th.tambon.messaging.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The partitions of one poll that wait, each from its first record not finished, and for how long. A partition waits
 * for a record's next attempt (a retry) or because the record cannot be finished now (a hold: the partition is stuck,
 * and why). Once the poll is done, {@link #seekBack} positions each waiting partition at that record, so its records
 * are fetched again, and {@link #pause} pauses it meanwhile while the consumer's other partitions go on.
 */
final class Holds {
    private final Map<TopicPartition, Long> heldAt = new LinkedHashMap<>();
    private final Map<TopicPartition, Throwable> stuck = new LinkedHashMap<>();
    private Duration pause = Duration.ZERO;

    /** Whether the record's partition waits at it or at an earlier record: then it is not processed now. */
    boolean waits(Reading reading) {
        Long from = heldAt.get(reading.partition());
        return from != null && reading.offset() >= from;
    }

    /** The record is tried again after the backoff; its partition waits at it meanwhile. */
    void retryLater(Reading reading, Duration backoff) {
        waitFrom(reading.partition(), reading.offset(), backoff);
    }

    /** The record cannot be finished now, not through its own fault: its partition waits, stuck. */
    void hold(Reading reading, Throwable why, Duration backoff) {
        holdFrom(reading.partition(), reading.offset(), why, backoff);
    }

    void holdFrom(TopicPartition partition, long offset, Throwable why, Duration backoff) {
        waitFrom(partition, offset, backoff);
        stuck.putIfAbsent(partition, why);
    }

    private void waitFrom(TopicPartition partition, long offset, Duration backoff) {
        heldAt.merge(partition, offset, Math::min);
        pause = pause.compareTo(backoff) >= 0 ? pause : backoff;
    }

    /** Why the partition is stuck in this poll, or null when it is not (it moved on, or waits for a retry). */
    Throwable stuckOn(TopicPartition partition) {
        return stuck.get(partition);
    }

    boolean isEmpty() {
        return heldAt.isEmpty();
    }

    int size() {
        return heldAt.size();
    }

    /**
     * Positions each waiting partition at its first unfinished record. Done first after a poll, before anything that
     * could fail: a waiting partition must never be left positioned past a record it did not finish.
     */
    void seekBack(Consumer<String, byte[]> consumer) {
        var assigned = consumer.assignment();
        heldAt.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /**
     * Pauses the waiting partitions for the longest backoff asked, through micronaut-kafka's registry when the
     * consumer is known there by an id; else the consumer's thread sleeps.
     */
    void pause(ConsumerPauses pauses, String consumerId) {
        if (heldAt.isEmpty()) {
            return;
        }
        if (consumerId != null) {
            pauses.pause(consumerId, Set.copyOf(heldAt.keySet()), pause);
        } else {
            sleep(pause);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.min(pause.toMillis(), 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
