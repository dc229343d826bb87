package th.tambon.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.cloudevents.InvalidCloudEventException;
import th.tambon.messaging.cloudevents.Traceparent;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.messaging.health.MessagingHealth;
import th.tambon.messaging.inbox.InboxRepository;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kit does with one poll of an {@link InboxListener}. Each record is read as a CloudEvent from an accepted
 * source, checked against its schema and applied by its handler in a transaction that also records it in the inbox
 * (a duplicate is skipped). The poll's records are applied in one transaction; when that fails, one at a time.
 * <ul>
 *   <li>poison (not a CloudEvent, a foreign source, data that breaks its schema): dead-lettered;</li>
 *   <li>an event type the listener does not know or handle: skipped and counted;</li>
 *   <li>a handler that fails: retried with backoff, then dead-lettered; deadlocks, serialization failures and
 *       timeouts are retried for {@code transient-retry-for} first;</li>
 *   <li>an unreachable database, a broken JVM or code ({@link Error}), a dead letter that cannot be sent: the record
 *       waits, never dead-lettered or skipped, and readiness goes DOWN until it moves again.</li>
 * </ul>
 * A record that waits is sought back to and its partition paused for the backoff; the partition's later records wait
 * with it, other partitions go on. Every partition is left positioned after the records finished (applied, skipped
 * or acknowledged by the dead-letter topic), which micronaut-kafka then commits.
 */
@Singleton
public class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final TransactionOperations<Connection> transactions;
    private final InboxRepository inbox;
    private final EventCodec codec;
    private final DeadLetters deadLetters;
    private final ConsumerPauses pauses;
    private final MessagingSettings settings;
    private final MessagingHealth health;
    private final MeterRegistry meters;

    public Delivery(TransactionOperations<Connection> transactions, InboxRepository inbox, EventCodec codec,
                    DeadLetters deadLetters, ConsumerPauses pauses, MessagingSettings settings, MessagingHealth health,
                    MeterRegistry meters) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.pauses = pauses;
        this.settings = settings;
        this.health = health;
        this.meters = meters;
    }

    Listener register(String name, Subscription subscription) {
        return new Listener(name, subscription, health.listener(name));
    }

    void deliver(Listener listener, ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        Poll poll = new Poll(listener, listener.stateOf(consumer), consumer.groupMetadata().groupId(), records);
        try {
            poll.process();
        } catch (Throwable unexpected) {
            LOG.error("{} failed unexpectedly; its unfinished records wait and are tried again", listener.name, unexpected);
            poll.holdUnfinished(unexpected);
        } finally {
            poll.settle(consumer);
        }
    }

    /** One listener bean; micronaut-kafka may run it on several consumers ({@code threads}), each with its state. */
    final class Listener {
        private final String name;
        private final Subscription subscription;
        private final MessagingHealth.Worker health;
        private final Map<Consumer<?, ?>, ConsumerState> consumers = new ConcurrentHashMap<>();

        private Listener(String name, Subscription subscription, MessagingHealth.Worker health) {
            this.name = name;
            this.subscription = subscription;
            this.health = health;
        }

        ConsumerState stateOf(Consumer<?, ?> consumer) {
            return consumers.computeIfAbsent(consumer, c -> new ConsumerState());
        }
    }

    /** What one consumer of a listener remembers across polls; used by that consumer's thread only. */
    private static final class ConsumerState {
        private final PartitionRetries retries = new PartitionRetries();
        private int stalls;
        private String consumerId;
    }

    private enum Kind { APPLY, SKIP, POISON }

    /** A record of the poll and what is to be done with it. */
    private static final class Item {
        final ConsumerRecord<String, byte[]> record;
        final TopicPartition partition;
        Kind kind;
        CloudEvent event;
        EventData data;
        Subscription.Registration<?> registration;
        Throwable poison;
        boolean finished;

        Item(ConsumerRecord<String, byte[]> record) {
            this.record = record;
            this.partition = new TopicPartition(record.topic(), record.partition());
        }
    }

    private final class Poll {
        private final Listener listener;
        private final ConsumerState state;
        private final String group;
        private final ConsumerRecords<String, byte[]> records;
        private final Map<TopicPartition, List<Item>> items = new LinkedHashMap<>();
        private final Map<TopicPartition, Long> heldAt = new LinkedHashMap<>();
        private Duration pause = Duration.ZERO;
        private Throwable stuck;

        Poll(Listener listener, ConsumerState state, String group, ConsumerRecords<String, byte[]> records) {
            this.listener = listener;
            this.state = state;
            this.group = group;
            this.records = records;
        }

        void process() {
            List<Item> applies = new ArrayList<>();
            boolean retrying = false;
            for (TopicPartition partition : records.partitions()) {
                List<Item> partitionItems = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Item item = read(new Item(record));
                    partitionItems.add(item);
                    if (item.kind == Kind.APPLY) {
                        applies.add(item);
                    }
                }
                items.put(partition, partitionItems);
                retrying |= state.retries.retrying(partition);
            }
            if (!applies.isEmpty() && (retrying || !applyTogether(applies))) {
                applyOneByOne();
            }
            finishPoisonAndSkipped();
            if (stuck == null) {
                state.stalls = 0;
                listener.health.progressed();
            } else {
                listener.health.stuck(stuck);
            }
        }

        private Item read(Item item) {
            try {
                CloudEvent event = CloudEventHeaders.read(item.record.headers());
                item.event = event;
                if (!listener.subscription.accepts(event.source())) {
                    throw new PoisonMessageException("ce_source " + event.source()
                            + " is not a source this consumer accepts " + listener.subscription.sources());
                }
                var type = EventType.ofCeType(event.type());
                if (type.isEmpty()) {
                    return skip(item, "unknown-type");
                }
                if (!type.get().topic().equals(item.record.topic())) {
                    throw new PoisonMessageException("ce_type " + event.type() + " belongs on " + type.get().topic()
                            + ", not on " + item.record.topic());
                }
                var registration = listener.subscription.registrationFor(type.get());
                if (registration.isEmpty()) {
                    return skip(item, "not-handled");
                }
                item.data = codec.decode(type.get(), item.record.value(), type.get().dataClass());
                item.registration = registration.get();
                item.kind = Kind.APPLY;
            } catch (PoisonMessageException | InvalidCloudEventException e) {
                item.kind = Kind.POISON;
                item.poison = e;
            }
            return item;
        }

        private Item skip(Item item, String reason) {
            item.kind = Kind.SKIP;
            Counter.builder("tambon.consumer.skipped").tag("consumer", group).tag("reason", reason)
                    .description("Records skipped: event types the consumer does not know or does not handle")
                    .register(meters).increment();
            return item;
        }

        /** The fast way: every record of the poll in one transaction. False when that failed for a record's sake. */
        private boolean applyTogether(List<Item> applies) {
            try {
                int duplicates = transactions.executeWrite(status -> {
                    int skipped = 0;
                    for (Item item : applies) {
                        skipped += apply(item) ? 0 : 1;
                    }
                    return skipped;
                });
                countDuplicates(duplicates);
                applies.forEach(item -> item.finished = true);
                return true;
            } catch (Exception | Error failure) {
                Failures kind = Failures.of(failure);
                if (kind == Failures.INFRASTRUCTURE || kind == Failures.BROKEN) {
                    for (Item item : applies) {
                        hold(item, failure, stallBackoff());
                    }
                    return true;
                }
                LOG.debug("{}: applying the poll together failed, applying one at a time: {}", group, failure.toString());
                return false;
            }
        }

        private void applyOneByOne() {
            for (List<Item> partitionItems : items.values()) {
                for (Item item : partitionItems) {
                    if (waits(item)) {
                        break;
                    }
                    if (item.kind != Kind.APPLY || item.finished) {
                        continue;
                    }
                    try {
                        boolean applied = transactions.executeWrite(status -> apply(item));
                        countDuplicates(applied ? 0 : 1);
                        finished(item);
                    } catch (Exception | Error failure) {
                        failed(item, failure);
                    }
                }
            }
        }

        /** In the caller's transaction: records the event in the inbox and, unless it was there, applies it. */
        private boolean apply(Item item) {
            if (inbox.claim(group, item.event.id(), item.event.type(), item.record.topic(), item.record.partition(),
                    item.record.offset()) == 0) {
                return false;
            }
            EventContext context = new EventContext(item.event, item.record.topic(), item.record.partition(),
                    item.record.offset());
            Traceparent.whileConsuming(item.event.traceParent(), () -> item.registration.dispatch(item.data, context));
            return true;
        }

        private void failed(Item item, Throwable failure) {
            Instant now = Instant.now();
            switch (Failures.of(failure)) {
                case POISON -> deadLetter(item, failure, 1);
                case INFRASTRUCTURE, BROKEN -> hold(item, failure, stallBackoff());
                case TRANSIENT -> {
                    var retry = state.retries.failed(item.partition, item.record.offset(), now);
                    if (Duration.between(retry.firstFailedAt(), now).compareTo(settings.getTransientRetryFor()) < 0) {
                        retryLater(item, failure, retry.attempts());
                    } else {
                        deadLetter(item, failure, retry.attempts());
                    }
                }
                case RECORD -> {
                    var retry = state.retries.failed(item.partition, item.record.offset(), now);
                    if (retry.attempts() < settings.getMaxAttempts()) {
                        retryLater(item, failure, retry.attempts());
                    } else {
                        deadLetter(item, failure, retry.attempts());
                    }
                }
            }
        }

        private void retryLater(Item item, Throwable failure, int attempts) {
            Duration backoff = settings.backoffAfter(attempts);
            LOG.info("{} failed on {} (attempt {}), retrying in {} ms: {}", group, where(item), attempts,
                    backoff.toMillis(), failure.toString());
            waitFrom(item);
            pause = max(pause, backoff);
        }

        private void deadLetter(Item item, Throwable failure, int attempts) {
            if (deadLetters.send(item.record, group, failure, attempts)) {
                finished(item);
            } else {
                hold(item, new IllegalStateException("cannot dead-letter " + where(item) + " to "
                        + deadLetters.topic()), stallBackoff());
            }
        }

        /** Poison records are dead-lettered, skipped ones pass, up to where their partition waits. */
        private void finishPoisonAndSkipped() {
            for (List<Item> partitionItems : items.values()) {
                for (Item item : partitionItems) {
                    if (waits(item)) {
                        break;
                    }
                    if (item.kind == Kind.SKIP) {
                        finished(item);
                    } else if (item.kind == Kind.POISON && !item.finished) {
                        deadLetter(item, item.poison, 1);
                    }
                }
            }
        }

        private void finished(Item item) {
            item.finished = true;
            state.retries.finished(item.partition, item.record.offset());
        }

        /** The record waits, not through its own fault: readiness says the listener is stuck. */
        private void hold(Item item, Throwable why, Duration backoff) {
            if (!waits(item)) {
                LOG.warn("{} cannot finish {} now; it waits {} ms: {}", group, where(item), backoff.toMillis(),
                        why.toString());
                waitFrom(item);
            }
            pause = max(pause, backoff);
            stuck = why;
        }

        /** Whether the record's partition waits at it or at an earlier record: then it is not processed now. */
        private boolean waits(Item item) {
            Long from = heldAt.get(item.partition);
            return from != null && item.record.offset() >= from;
        }

        /** The partition waits from this record on (or from an earlier one it already waits at). */
        private void waitFrom(Item item) {
            heldAt.merge(item.partition, item.record.offset(), Math::min);
        }

        /** After an unexpected failure: every partition waits at its first record not finished. */
        void holdUnfinished(Throwable why) {
            Duration backoff = stallBackoff();
            for (TopicPartition partition : records.partitions()) {
                List<Item> known = items.getOrDefault(partition, List.of());
                List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
                for (int i = 0; i < partitionRecords.size(); i++) {
                    if (i >= known.size() || !known.get(i).finished) {
                        heldAt.merge(partition, partitionRecords.get(i).offset(), Math::min);
                        break;
                    }
                }
            }
            pause = max(pause, backoff);
            stuck = why;
            listener.health.stuck(why);
        }

        private Duration stallBackoff() {
            return settings.backoffAfter(state.stalls + 1);
        }

        /** Seeks each waiting partition back to its first unfinished record and pauses it for the backoff. */
        void settle(Consumer<String, byte[]> consumer) {
            if (heldAt.isEmpty()) {
                return;
            }
            if (stuck != null) {
                state.stalls++;
            }
            var assigned = consumer.assignment();
            heldAt.forEach((partition, offset) -> {
                if (assigned.contains(partition)) {
                    consumer.seek(partition, offset);
                }
            });
            Counter.builder("tambon.consumer.deferred").tag("consumer", group)
                    .description("Records sought back to be tried again later").register(meters)
                    .increment(heldAt.size());
            if (state.consumerId == null) {
                state.consumerId = pauses.idOf(consumer).orElse(null);
            }
            if (state.consumerId != null) {
                pauses.pause(state.consumerId, Set.copyOf(heldAt.keySet()), pause);
            } else {
                sleep(pause);
            }
        }

        private void countDuplicates(int duplicates) {
            if (duplicates > 0) {
                Counter.builder("tambon.consumer.duplicates").tag("consumer", group)
                        .description("Events delivered again and skipped by the inbox").register(meters)
                        .increment(duplicates);
            }
        }

        private String where(Item item) {
            return item.record.topic() + "-" + item.record.partition() + "@" + item.record.offset();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.min(pause.toMillis(), 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
