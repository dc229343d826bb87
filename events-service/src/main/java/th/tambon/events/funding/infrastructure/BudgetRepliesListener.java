package th.tambon.events.funding.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.Topics;
import th.tambon.contracts.budget.CommitmentCarriedOver;
import th.tambon.contracts.budget.CommitmentReleased;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.events.funding.application.TakingBudgetReplies;
import th.tambon.events.funding.application.TakingSpendingAnswers;
import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.consumer.Delivery;
import th.tambon.messaging.consumer.EventContext;
import th.tambon.messaging.consumer.InboxListener;
import th.tambon.messaging.consumer.Subscription;

import java.sql.Connection;
import java.util.Locale;

/**
 * budget-service's answers to funding requests, and what it says of a commitment after it (its cost recorded as spent
 * or refused, the commitment released or carried over), from budget.v1 (only from {@code /tambon/budget-service}), as
 * consumer group {@code <service>.funding-replies}. Each is applied with its inbox row ({@link TakingBudgetReplies},
 * {@link TakingSpendingAnswers}); one that changes nothing (late, repeated, replayed, an ESA's direct expenditure) is
 * logged at INFO and counted in {@code tambon.events.funding.replies{reply, answer}}; one that breaks the contract (an
 * activity or request this service does not know, another line or amount than asked) is poison: it goes to
 * {@code events-service.dlq} with its origin, never skipped in silence (docs/decisions/0016). budget.v1's other types
 * (allocation rounds, transfers, closed years) are not this consumer's: the kit passes them, counted.
 */
@KafkaListener(groupId = "${micronaut.application.name}.funding-replies",
        clientId = "${micronaut.application.name}.funding-replies-${tambon.messaging.instance-id:HOSTNAME:local}",
        offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true)
public class BudgetRepliesListener extends InboxListener {
    private static final Logger LOG = LoggerFactory.getLogger(BudgetRepliesListener.class);

    BudgetRepliesListener(Delivery delivery, TakingBudgetReplies replies, TakingSpendingAnswers spending,
                          MeterRegistry meters, TransactionOperations<Connection> transactions) {
        this(delivery, replies, spending, new Counting(meters, transactions));
    }

    private BudgetRepliesListener(Delivery delivery, TakingBudgetReplies replies, TakingSpendingAnswers spending,
                                  Counting counting) {
        super(delivery, Subscription.from(Topics.producerOf(Topics.BUDGET_V1).orElseThrow())
                .on(FundsCommitted.class, (reply, event) -> counting.settled("committed", replies.committed(reply),
                        event))
                .on(FundingRejected.class, (reply, event) -> counting.settled("rejected", replies.rejected(reply),
                        event))
                .on(ExpenditureRecorded.class, (reply, event) -> counting.settled("expenditure-recorded",
                        spending.recorded(reply), event))
                .on(ExpenditureRefused.class, (reply, event) -> counting.settled("expenditure-refused",
                        spending.refused(reply), event))
                .on(CommitmentReleased.class, (reply, event) -> counting.settled("commitment-released",
                        spending.released(reply), event))
                .on(CommitmentCarriedOver.class, (reply, event) -> counting.settled("commitment-carried-over",
                        spending.carriedOver(reply), event)));
    }

    @Topic(Topics.BUDGET_V1)
    void receive(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        deliver(records, consumer);
    }

    /** Logs and counts what became of an answer; the count once its transaction committed. */
    private record Counting(MeterRegistry meters, TransactionOperations<Connection> transactions) {
        void settled(String reply, TakingBudgetReplies.Taken taken, EventContext event) {
            String where = event.event().type() + " " + event.event().id() + " (" + event.topic() + "-"
                    + event.partition() + "@" + event.offset() + ")";
            if (taken.answer().wrong()) {
                throw new PoisonMessageException(taken.why());
            }
            if (taken.answer().taken()) {
                LOG.info("{}: {}", where, taken.why());
            } else {
                LOG.info("{} changes nothing: {}", where, taken.why());
            }
            Counter counter = Counter.builder("tambon.events.funding.replies").tag("reply", reply)
                    .tag("answer", taken.answer().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .description("budget-service's answers about activities' funding: taken, or changing nothing "
                            + "because they answer an older request or one already settled, or are about no activity")
                    .register(meters);
            transactions.findTransactionStatus().ifPresentOrElse(status ->
                    status.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            counter.increment();
                        }
                    }), counter::increment);
        }
    }
}
