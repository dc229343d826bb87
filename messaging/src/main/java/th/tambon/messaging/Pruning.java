package th.tambon.messaging;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.inbox.InboxRepository;
import th.tambon.messaging.outbox.OutboxRepository;

import java.sql.Connection;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Deletes published outbox rows after {@code outbox-retention} and inbox rows after {@code inbox-retention}, on a
 * schedule ({@code tambon.messaging.prune-interval}, default hourly), a bounded batch per transaction so a large
 * backlog of old rows never holds long locks. Several instances may prune at once.
 */
@Singleton
public class Pruning {
    private static final Logger LOG = LoggerFactory.getLogger(Pruning.class);

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository outbox;
    private final InboxRepository inbox;
    private final MessagingSettings settings;

    public Pruning(TransactionOperations<Connection> transactions, OutboxRepository outbox, InboxRepository inbox,
                   MessagingSettings settings) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.inbox = inbox;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${tambon.messaging.prune-interval:1h}", initialDelay = "${tambon.messaging.prune-delay:1m}")
    void onSchedule() {
        pruneOutbox();
        pruneInbox();
    }

    /** Deletes published outbox rows older than the retention; returns how many. */
    public int pruneOutbox() {
        Instant before = Instant.now().minus(settings.getOutboxRetention());
        return prune("published outbox rows", () -> outbox.pruneSent(before, settings.getPruneBatchSize()));
    }

    /** Deletes inbox rows older than the retention; returns how many. */
    public int pruneInbox() {
        Instant before = Instant.now().minus(settings.getInboxRetention());
        return prune("inbox rows", () -> inbox.pruneReceivedBefore(before, settings.getPruneBatchSize()));
    }

    private int prune(String what, IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = transactions.executeWrite(status -> batch.getAsInt());
            total += deleted;
        } while (deleted == settings.getPruneBatchSize());
        if (total > 0) {
            LOG.info("Pruned {} {}", total, what);
        }
        return total;
    }
}
