package th.tambon.messaging.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The partitions of one poll that wait, each from its first record not finished, and for how long. A partition waits
 * for a record's next attempt (a retry) or because the record cannot be finished now (a hold: the listener is stuck).
 * Once the poll is done, {@link #settle} seeks each waiting partition back to that record and pauses it, so its
 * records are fetched again when it resumes while the consumer's other partitions go on.
 */
final class Holds {
    private final Map<TopicPartition, Long> heldAt = new LinkedHashMap<>();
    private Duration pause = Duration.ZERO;
    private Throwable stuck;

    /** Whether the record's partition waits at it or at an earlier record: then it is not processed now. */
    boolean waits(Reading reading) {
        Long from = heldAt.get(reading.partition());
        return from != null && reading.offset() >= from;
    }

    /** The record is tried again after the backoff; its partition waits at it meanwhile. */
    void retryLater(Reading reading, Duration backoff) {
        waitFrom(reading.partition(), reading.offset(), backoff);
    }

    /** The record cannot be finished now, not through its own fault: its partition waits and the listener is stuck. */
    void hold(Reading reading, Throwable why, Duration backoff) {
        holdFrom(reading.partition(), reading.offset(), why, backoff);
    }

    void holdFrom(TopicPartition partition, long offset, Throwable why, Duration backoff) {
        waitFrom(partition, offset, backoff);
        stuck = why;
    }

    private void waitFrom(TopicPartition partition, long offset, Duration backoff) {
        heldAt.merge(partition, offset, Math::min);
        pause = pause.compareTo(backoff) >= 0 ? pause : backoff;
    }

    /** Why the listener is stuck in this poll, or null when nothing was held for a reason other than a retry. */
    Throwable stuck() {
        return stuck;
    }

    boolean isEmpty() {
        return heldAt.isEmpty();
    }

    int size() {
        return heldAt.size();
    }

    /**
     * Seeks each waiting partition back to its first unfinished record and pauses it for the longest backoff asked,
     * through micronaut-kafka's registry when the consumer is known by an id there; else the consumer's thread sleeps.
     */
    void settle(Consumer<String, byte[]> consumer, ConsumerPauses pauses, String consumerId) {
        if (heldAt.isEmpty()) {
            return;
        }
        var assigned = consumer.assignment();
        heldAt.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
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
