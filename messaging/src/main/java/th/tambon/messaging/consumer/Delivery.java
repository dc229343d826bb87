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
import th.tambon.messaging.cloudevents.Traceparent;
import th.tambon.messaging.health.MessagingHealth;
import th.tambon.messaging.inbox.InboxRepository;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kit does with one poll of an {@link InboxListener}: each record is read ({@link RecordReader}) and, when it
 * is to be applied, applied by its handler in a transaction that also records it in the inbox (a duplicate is
 * skipped). The records of each partition up to its first poison record are first applied all in one transaction;
 * then every record not finished is taken in order, partition by partition: applied in a transaction of its own,
 * dead-lettered (poison) or passed (a type the listener does not know or handle, counted), so the record at fault is
 * found and no record overtakes one before it. A record that fails is retried, dead-lettered or held as
 * {@link FailurePolicy} decides; only its partition waits ({@link Holds}: sought back, paused), and readiness says
 * which partitions are stuck until they move again. Every other partition is left positioned after the records
 * finished (applied, passed or acknowledged by the dead-letter topic), which micronaut-kafka then commits.
 */
@Singleton
public class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    /** Partitions in a row whose record met an unreachable database, after which the poll's rest waits untried. */
    private static final int DATABASE_AWAY_AFTER = 2;

    private final TransactionOperations<Connection> transactions;
    private final InboxRepository inbox;
    private final RecordReader reader;
    private final FailurePolicy policy;
    private final DeadLetters deadLetters;
    private final ConsumerPauses pauses;
    private final MessagingHealth health;
    private final MeterRegistry meters;

    Delivery(TransactionOperations<Connection> transactions, InboxRepository inbox, RecordReader reader,
             FailurePolicy policy, DeadLetters deadLetters, ConsumerPauses pauses, MessagingHealth health,
             MeterRegistry meters) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.reader = reader;
        this.policy = policy;
        this.deadLetters = deadLetters;
        this.pauses = pauses;
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

        /**
         * Partitions taken from one of this listener's consumers (a rebalance): on that consumer's thread, which is the
         * one calling, its retries and stalls there are forgotten, and readiness no longer waits for them here.
         */
        void revoked(Collection<TopicPartition> partitions) {
            consumers.values().stream().filter(state -> state.thread == Thread.currentThread()).forEach(state ->
                    partitions.forEach(partition -> {
                        state.retries.forget(partition);
                        state.stalls.remove(partition);
                    }));
            partitions.forEach(partition -> health.progressed(partition.toString()));
        }
    }

    /** What one consumer of a listener remembers across polls; used by that consumer's thread only. */
    private static final class ConsumerState {
        private final Thread thread = Thread.currentThread();
        private final PartitionRetries retries = new PartitionRetries();
        /** Polls in a row each partition has been stuck in: the longer, the longer it pauses. */
        private final Map<TopicPartition, Integer> stalls = new HashMap<>();
        private int polls;
        private String consumerId;

        int stallsOf(TopicPartition partition) {
            return stalls.getOrDefault(partition, 0);
        }
    }

    /** A record of the poll, read, and whether it is finished. */
    private static final class Item {
        final Reading reading;
        boolean finished;

        Item(Reading reading) {
            this.reading = reading;
        }

        boolean is(Reading.Kind kind) {
            return reading.kind() == kind;
        }
    }

    private final class Poll {
        private final Listener listener;
        private final ConsumerState state;
        private final String group;
        private final ConsumerRecords<String, byte[]> records;
        private final Map<TopicPartition, List<Item>> items = new LinkedHashMap<>();
        private final Holds holds = new Holds();
        /** Why no dead letter could be sent in this poll: later poison waits rather than wait out the send again. */
        private Throwable deadLettersDown;

        Poll(Listener listener, ConsumerState state, String group, ConsumerRecords<String, byte[]> records) {
            this.listener = listener;
            this.state = state;
            this.group = group;
            this.records = records;
        }

        void process() {
            List<Item> together = new ArrayList<>();
            boolean retrying = false;
            for (TopicPartition partition : records.partitions()) {
                List<Item> partitionItems = new ArrayList<>();
                boolean poisonSeen = false;
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    Item item = new Item(reader.read(record, listener.subscription));
                    partitionItems.add(item);
                    poisonSeen |= item.is(Reading.Kind.POISON);
                    if (item.is(Reading.Kind.APPLY) && !poisonSeen) {
                        together.add(item);
                    }
                }
                items.put(partition, partitionItems);
                retrying |= state.retries.retrying(partition);
            }
            if (!together.isEmpty() && !retrying) {
                applyTogether(together);
            }
            inOrder();
            reportHealth();
        }

        /** The fast way: the records before any poison, all in one transaction. False when that failed, whatever why. */
        private boolean applyTogether(List<Item> applies) {
            try {
                int duplicates = transactions.executeWrite(status -> {
                    int skipped = 0;
                    for (Item item : applies) {
                        skipped += apply(item.reading) ? 0 : 1;
                    }
                    return skipped;
                });
                countDuplicates(duplicates);
                applies.forEach(item -> item.finished = true);
                return true;
            } catch (Exception | Error failure) {
                // Even an Error or an unreachable database may be one record's doing: only its partition may wait.
                LOG.debug("{}: applying the poll together failed, applying one at a time: {}", group, failure.toString());
                return false;
            }
        }

        /**
         * Every record not finished, in order, partition by partition, until its partition must wait: applied in a
         * transaction of its own, dead-lettered or passed. The partitions take turns at going first. Once two
         * partitions in a row met an unreachable database, the rest wait untried (each would wait out the pool's
         * connection timeout); once a dead letter could not be sent, later poison waits untried (each would wait out
         * the send timeout).
         */
        private void inOrder() {
            int databaseAway = 0;
            Throwable lastOutage = null;
            for (List<Item> partitionItems : inTurn(new ArrayList<>(items.values()))) {
                for (Item item : partitionItems) {
                    if (holds.waits(item.reading)) {
                        break;
                    }
                    if (item.finished) {
                        continue;
                    }
                    if (item.is(Reading.Kind.SKIP)) {
                        finished(item);
                    } else if (item.is(Reading.Kind.POISON)) {
                        deadLetter(item, item.reading.poison(), 1);
                    } else if (databaseAway >= DATABASE_AWAY_AFTER) {
                        hold(item, lastOutage);
                    } else {
                        try {
                            boolean applied = transactions.executeWrite(status -> apply(item.reading));
                            countDuplicates(applied ? 0 : 1);
                            finished(item);
                            databaseAway = 0;
                        } catch (Exception | Error failure) {
                            boolean outage = Failures.of(failure) == Failures.INFRASTRUCTURE;
                            databaseAway = outage ? databaseAway + 1 : 0;
                            lastOutage = outage ? failure : lastOutage;
                            failed(item, failure);
                        }
                    }
                }
            }
        }

        /** Readiness per partition of the poll: stuck ones say why; one that moved on (or only retries) is well. */
        private void reportHealth() {
            for (TopicPartition partition : records.partitions()) {
                Throwable why = holds.stuckOn(partition);
                if (why == null) {
                    state.stalls.remove(partition);
                    listener.health.progressed(partition.toString());
                } else {
                    state.stalls.merge(partition, 1, Integer::sum);
                    listener.health.stuck(partition.toString(), why);
                }
            }
        }

        private List<List<Item>> inTurn(List<List<Item>> partitions) {
            int first = partitions.isEmpty() ? 0 : Math.floorMod(state.polls++, partitions.size());
            List<List<Item>> turned = new ArrayList<>(partitions.subList(first, partitions.size()));
            turned.addAll(partitions.subList(0, first));
            return turned;
        }

        /** In the caller's transaction: records the event in the inbox and, unless it was there, applies it. */
        private boolean apply(Reading reading) {
            var record = reading.record();
            if (inbox.claim(group, reading.event().id(), reading.event().type(), record.topic(), record.partition(),
                    record.offset()) == 0) {
                return false;
            }
            EventContext context = new EventContext(reading.event(), record.topic(), record.partition(), record.offset());
            Traceparent.whileConsuming(reading.event().traceParent(),
                    () -> reading.registration().dispatch(reading.data(), context));
            return true;
        }

        private void failed(Item item, Throwable failure) {
            var decision = policy.decide(item.reading, failure, state.retries, Instant.now());
            if (decision instanceof FailurePolicy.Decision.RetryLater retry) {
                LOG.info("{} failed on {} (attempt {}), retrying in {} ms: {}", group, item.reading.where(),
                        retry.attempts(), retry.backoff().toMillis(), failure.toString());
                holds.retryLater(item.reading, retry.backoff());
            } else if (decision instanceof FailurePolicy.Decision.DeadLetter letter) {
                deadLetter(item, failure, letter.attempts());
            } else {
                hold(item, failure);
            }
        }

        private void deadLetter(Item item, Throwable failure, int attempts) {
            if (deadLettersDown != null) {
                hold(item, deadLettersDown);
            } else if (deadLetters.send(item.reading.record(), group, failure, attempts)) {
                finished(item);
            } else {
                deadLettersDown = new IllegalStateException("cannot dead-letter " + item.reading.where() + " to "
                        + deadLetters.topic());
                hold(item, deadLettersDown);
            }
        }

        private void finished(Item item) {
            item.finished = true;
            state.retries.finished(item.reading.partition(), item.reading.offset());
            if (item.is(Reading.Kind.SKIP)) {
                Counter.builder("tambon.consumer.skipped").tag("consumer", group).tag("reason", item.reading.skipped())
                        .description("Records skipped: event types the consumer does not know or does not handle")
                        .register(meters).increment();
            }
        }

        private void hold(Item item, Throwable why) {
            if (!holds.waits(item.reading)) {
                LOG.warn("{} cannot finish {} now; it waits: {}", group, item.reading.where(), why.toString());
            }
            holds.hold(item.reading, why, policy.stallBackoff(state.stallsOf(item.reading.partition())));
        }

        /** After an unexpected failure: every partition waits at its first record not finished. */
        void holdUnfinished(Throwable why) {
            for (TopicPartition partition : records.partitions()) {
                List<Item> known = items.getOrDefault(partition, List.of());
                List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
                for (int i = 0; i < partitionRecords.size(); i++) {
                    if (i >= known.size() || !known.get(i).finished) {
                        holds.holdFrom(partition, partitionRecords.get(i).offset(), why,
                                policy.stallBackoff(state.stallsOf(partition)));
                        break;
                    }
                }
            }
            reportHealth();
        }

        /** Seeks the waiting partitions back first, then counts and pauses them. */
        void settle(Consumer<String, byte[]> consumer) {
            if (holds.isEmpty()) {
                return;
            }
            holds.seekBack(consumer);
            Counter.builder("tambon.consumer.deferred").tag("consumer", group)
                    .description("Records sought back to be tried again later").register(meters)
                    .increment(holds.size());
            if (state.consumerId == null) {
                try {
                    state.consumerId = pauses.idOf(consumer).orElse(null);
                } catch (RuntimeException closing) {
                    // the registry lost the consumer meanwhile (it is closing): the thread sleeps instead
                }
            }
            holds.pause(pauses, state.consumerId);
        }

        private void countDuplicates(int duplicates) {
            if (duplicates > 0) {
                Counter.builder("tambon.consumer.duplicates").tag("consumer", group)
                        .description("Events delivered again and skipped by the inbox").register(meters)
                        .increment(duplicates);
            }
        }
    }
}
