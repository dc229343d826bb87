package th.tambon.messaging.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.cloudevents.Traceparent;
import th.tambon.messaging.codec.EventCodec;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a service says "this happened". The event is written to {@code messaging.outbox_message} in the caller's
 * transaction, so it commits or rolls back with the state change it announces; the {@link OutboxRelay} publishes it
 * afterwards. Appending holds the event's key until the transaction ends, so two transactions announcing events of
 * one aggregate commit, and are published, in the order they appended.
 */
@Singleton
public class Outbox {
    static final int KEY_LOCKS = 0x7A6B0002;

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository rows;
    private final EventCodec codec;
    private final MessagingSettings settings;
    private final OutboxSignal signal;
    private final String source;
    private final Clock clock = Clock.systemUTC();

    public Outbox(TransactionOperations<Connection> transactions, OutboxRepository rows, EventCodec codec,
                  MessagingSettings settings, OutboxSignal signal,
                  @Value("${micronaut.application.name}") String serviceName) {
        this.transactions = transactions;
        this.rows = rows;
        this.codec = codec;
        this.settings = settings;
        this.signal = signal;
        this.source = Topics.sourceOf(serviceName);
    }

    /** Appends an event about the aggregate named by {@link EventData#key()}, happening now; returns its id. */
    public UUID append(EventData data) {
        return append(data, clock.instant());
    }

    /**
     * Appends an event about the aggregate named by {@link EventData#key()} that happened at {@code occurredAt} (its
     * {@code ce_time}: pass the time the state change recorded, e.g. {@code registeredAt}); returns its CloudEvents id.
     */
    public UUID append(EventData data, Instant occurredAt) {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "Outbox.append must run inside the transaction of the state change it announces"));
        EventType type = EventType.of(data.getClass());
        String key = data.key();
        UUID eventId = UUID.randomUUID();
        rows.appendHoldingKey(KEY_LOCKS, eventId, type.topic(), key, laneOf(key, settings.getRelayLanes()),
                type.ceType(), source, key, occurredAt.truncatedTo(ChronoUnit.MICROS),
                new String(codec.encode(data), StandardCharsets.UTF_8), Traceparent.forNewEvent().toString());
        status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
        return eventId;
    }

    /** Events of one key always share a lane, which is what keeps them in order across relay instances. */
    static short laneOf(String key, int lanes) {
        return (short) Math.floorMod(key.hashCode(), lanes);
    }
}
