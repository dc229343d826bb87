package th.tambon.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;

/**
 * Named steps where a system test can have the process stop, so that it is killed (SIGKILL) exactly there and not
 * wherever a race puts it: {@code tambon.crash-point} ({@code TAMBON_CRASH_POINT}) names one; unset, as everywhere but
 * in tests, every point is passed at once. The thread that reaches the point named logs
 * {@code crash point <name> reached: waiting to be killed} at ERROR and never goes on: {@link #reached} inside a
 * transaction leaves it open and uncommitted, {@link #reachedOnceCommitted} stops right after its commit (before a
 * Kafka consumer commits its offsets). See docs/decisions/0020.
 */
@Singleton
public class CrashPoints {
    /** The property naming the point to stop at. */
    public static final String PROPERTY = "tambon.crash-point";
    private static final Logger LOG = LoggerFactory.getLogger(CrashPoints.class);

    private final String armed;
    private final TransactionOperations<Connection> transactions;

    CrashPoints(@Value("${" + PROPERTY + ":}") String armed, TransactionOperations<Connection> transactions) {
        this.armed = armed == null ? "" : armed.strip();
        this.transactions = transactions;
        if (!this.armed.isEmpty()) {
            LOG.warn("crash point {} armed ({}): the thread that reaches it stops there until the process is killed; "
                    + "for system tests only", this.armed, PROPERTY);
        }
    }

    /** Stops here for ever when {@code point} is the one armed; inside a transaction, before it commits. */
    public void reached(String point) {
        if (armed(point)) {
            stop(point);
        }
    }

    /**
     * Stops for ever right after the current transaction commits when {@code point} is the one armed: what the
     * transaction wrote is in the database, whatever was to follow its commit (a consumer's offsets) is not done.
     */
    public void reachedOnceCommitted(String point) {
        if (!armed(point)) {
            return;
        }
        transactions.findTransactionStatus().orElseThrow(() -> new IllegalStateException("crash point " + point
                + " is reached outside a transaction")).registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        stop(point);
                    }
                });
    }

    private boolean armed(String point) {
        return !armed.isEmpty() && armed.equals(point);
    }

    /** Never returns: only killing the process ends the thread; interrupted, it halts the process, a crash too. */
    private static void stop(String point) {
        LOG.error("crash point {} reached: waiting to be killed", point);
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            LOG.error("crash point {}: interrupted while waiting to be killed; halting the process", point);
        }
        Runtime.getRuntime().halt(137);
    }
}
