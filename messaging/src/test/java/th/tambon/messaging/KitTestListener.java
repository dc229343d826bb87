package th.tambon.messaging;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.consumer.Delivery;
import th.tambon.messaging.consumer.InboxListener;
import th.tambon.messaging.consumer.Subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit tests' listener: counts in {@code applied_school} how often each school was applied. Its handler fails on
 * purpose for names starting with "FAIL" (always), "TRANSIENT" (a deadlock, while {@link #transientFailures} is
 * positive), "LOCKED" (a lock timeout, while {@link #lockedFailures} is positive) and "BROKEN" (an {@link Error},
 * while {@link #brokenFailures} is positive). Accepts events from the kit
 * tests' outbox ({@code /tambon/kit-test}) and hand-made records ({@code /tambon/test}).
 */
@Requires(property = "kit-test.subscription", value = "true")
@KafkaListener(groupId = "${micronaut.application.name}.applied-schools",
        clientId = "${micronaut.application.name}.applied-schools-${tambon.messaging.instance-id:test}",
        offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true)
class KitTestListener extends InboxListener {
    static final AtomicInteger transientFailures = new AtomicInteger();
    static final AtomicInteger brokenFailures = new AtomicInteger();
    static final AtomicInteger lockedFailures = new AtomicInteger();
    private static final Map<String, Instant> firstTransientFailures = new ConcurrentHashMap<>();

    /** When the handler first failed with a deadlock on the school. */
    static Instant firstTransientFailure(String code) {
        return firstTransientFailures.get(code);
    }

    KitTestListener(Delivery delivery, TransactionOperations<Connection> transactions) {
        super(delivery, Subscription.from("/tambon/kit-test", "/tambon/test")
                .on(SchoolRegistered.class, (school, context) -> apply(transactions, school)));
    }

    @Topic(Topics.SCHOOLS_V1)
    void receive(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        deliver(records, consumer);
    }

    private static void apply(TransactionOperations<Connection> transactions, SchoolRegistered school) {
        String name = school.nameTh();
        if (name.startsWith("FAIL")) {
            throw new IllegalStateException("handler refuses " + school.code());
        }
        if (name.startsWith("TRANSIENT") && transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            firstTransientFailures.putIfAbsent(school.code(), Instant.now());
            throw new IllegalStateException("deadlock on " + school.code(),
                    new SQLException("deadlock detected", "40P01"));
        }
        if (name.startsWith("LOCKED") && lockedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("lock timeout on " + school.code(),
                    new SQLException("canceling statement due to lock timeout", "55P03"));
        }
        if (name.startsWith("BROKEN") && brokenFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new AssertionError("the handler is broken for " + school.code());
        }
        try (PreparedStatement upsert = transactions.getConnection().prepareStatement("""
                INSERT INTO applied_school (code, times) VALUES (?, 1)
                ON CONFLICT (code) DO UPDATE SET times = applied_school.times + 1""")) {
            upsert.setString(1, school.code());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
