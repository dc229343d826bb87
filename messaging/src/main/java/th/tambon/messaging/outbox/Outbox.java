package th.tambon.messaging.outbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.messaging.MessagingSettings;
import th.tambon.messaging.codec.EventCodec;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Where a service says "this happened". The event is written to {@code messaging.outbox_message} in the caller's transaction,
 * so it commits or rolls back with the state change it announces; the {@link OutboxRelay} publishes it afterwards.
 */
@Singleton
public class Outbox {
    private static final String INSERT = """
            INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, subject, occurred_at, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final TransactionOperations<Connection> transactions;
    private final EventCodec codec;
    private final MessagingSettings settings;
    private final OutboxSignal signal;
    private final String source;
    private final Clock clock;

    public Outbox(TransactionOperations<Connection> transactions, EventCodec codec, MessagingSettings settings,
                  OutboxSignal signal, @Value("${micronaut.application.name}") String serviceName) {
        this.transactions = transactions;
        this.codec = codec;
        this.settings = settings;
        this.signal = signal;
        this.source = Topics.sourceOf(serviceName);
        this.clock = Clock.systemUTC();
    }

    /**
     * Appends an event about the aggregate named by {@link EventData#key()}, happening now; returns its CloudEvents
     * id.
     */
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
        UUID eventId = UUID.randomUUID();
        String key = data.key();
        Instant time = occurredAt.truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement insert = transactions.getConnection().prepareStatement(INSERT)) {
            insert.setObject(1, eventId);
            insert.setString(2, type.topic());
            insert.setString(3, key);
            insert.setShort(4, laneOf(key, settings.getRelayLanes()));
            insert.setString(5, type.ceType());
            insert.setString(6, source);
            insert.setString(7, key);
            insert.setTimestamp(8, Timestamp.from(time));
            insert.setString(9, new String(codec.encode(data), StandardCharsets.UTF_8));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Could not append " + type.ceType() + " for " + key, e);
        }
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
