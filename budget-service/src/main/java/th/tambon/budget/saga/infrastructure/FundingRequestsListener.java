package th.tambon.budget.saga.infrastructure;

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
import th.tambon.budget.saga.application.AnsweringFundingRequests;
import th.tambon.budget.saga.application.Handled;
import th.tambon.budget.saga.application.SettlingCommitments;
import th.tambon.contracts.Topics;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.contracts.events.ActivityFundingReleased;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.consumer.Delivery;
import th.tambon.messaging.consumer.EventContext;
import th.tambon.messaging.consumer.InboxListener;
import th.tambon.messaging.consumer.Subscription;

import java.sql.Connection;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * events-service's side of the funding saga, from events.v1 (only from {@code /tambon/events-service}), as consumer
 * group {@code <service>.funding-requests}: requests, reported costs and releases, each applied with its inbox row
 * ({@link AnsweringFundingRequests}, {@link SettlingCommitments}) and idempotent by the activity's request besides. One
 * that changes nothing (a replay) is logged at INFO; each is counted in {@code tambon.budget.funding.events{event,
 * outcome}}; one that breaks the contract goes to {@code budget-service.dlq} with its origin, never skipped in silence.
 * The activity's own events on events.v1 are not this consumer's (skipped and counted by the messaging kit).
 */
@KafkaListener(groupId = "${micronaut.application.name}.funding-requests",
        clientId = "${micronaut.application.name}.funding-requests-${tambon.messaging.instance-id:HOSTNAME:local}",
        offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true)
public class FundingRequestsListener extends InboxListener {
    private static final Logger LOG = LoggerFactory.getLogger(FundingRequestsListener.class);

    FundingRequestsListener(Delivery delivery, AnsweringFundingRequests answering, SettlingCommitments settling,
                            MeterRegistry meters, TransactionOperations<Connection> transactions) {
        this(delivery, answering, settling, new Counting(meters, transactions));
    }

    private FundingRequestsListener(Delivery delivery, AnsweringFundingRequests answering,
                                    SettlingCommitments settling, Counting counting) {
        super(delivery, Subscription.from(Topics.producerOf(Topics.EVENTS_V1).orElseThrow())
                .on(ActivityFundingRequested.class, (asked, event) ->
                        counting.handled("funding-requested", () -> answering.requested(asked), event))
                .on(ActivityFundingReleased.class, (released, event) ->
                        counting.handled("funding-released", () -> settling.released(released), event))
                .on(ActivityCostReported.class, (reported, event) ->
                        counting.handled("cost-reported", () -> settling.costReported(reported), event)));
    }

    @Topic(Topics.EVENTS_V1)
    void receive(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        deliver(records, consumer);
    }

    /** Logs and counts what became of an event; the count once its transaction committed. */
    private record Counting(MeterRegistry meters, TransactionOperations<Connection> transactions) {
        void handled(String type, Supplier<Handled> handling, EventContext event) {
            String where = event.event().type() + " " + event.event().id() + " (" + event.topic() + "-"
                    + event.partition() + "@" + event.offset() + ")";
            Handled handled;
            try {
                handled = handling.get();
            } catch (Handled.WrongEventException e) {
                throw new PoisonMessageException(e.getMessage());
            }
            if (handled.outcome() == Handled.Outcome.WRONG) {
                throw new PoisonMessageException(handled.why());
            }
            if (handled.outcome() == Handled.Outcome.NOTHING) {
                LOG.info("{} changes nothing: {}", where, handled.why());
            } else {
                LOG.info("{}: {}", where, handled.why());
            }
            Counter counter = Counter.builder("tambon.budget.funding.events").tag("event", type)
                    .tag("outcome", handled.outcome().name().toLowerCase(Locale.ROOT))
                    .description("events-service's funding events as budget-service handled them: moved the saga, "
                            + "repeated an answer, or changed nothing (a replay)")
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
