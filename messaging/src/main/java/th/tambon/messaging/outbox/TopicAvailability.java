package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which topics of due outbox rows the relay cannot publish to in this round, asked once per topic per round and outside
 * any transaction (a send would otherwise block up to {@code max.block.ms} for each row). The rows of a topic the
 * broker says does not exist, or whose name is invalid, are parked: no retry can publish them until an operator
 * creates the topic (docs/decisions/0001).
 */
@Singleton
class TopicAvailability {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAvailability.class);

    private final TransactionOperations<Connection> transactions;
    private final OutboxRepository rows;
    private final Producer<String, byte[]> producer;
    private final AdminClient admin;
    private final Counter parkings;

    TopicAvailability(TransactionOperations<Connection> transactions, OutboxRepository rows,
                      @KafkaClient("outbox-relay") Producer<String, byte[]> producer, AdminClient admin,
                      MeterRegistry meters) {
        this.transactions = transactions;
        this.rows = rows;
        this.producer = producer;
        this.admin = admin;
        this.parkings = Parking.counter(meters);
    }

    /** The topics among these that cannot be published to now; the rows of those that never can are parked. */
    Set<String> unavailable(Set<String> topics) {
        Set<String> unavailable = new HashSet<>();
        for (String topic : topics) {
            try {
                producer.partitionsFor(topic);
            } catch (InvalidTopicException e) {
                park(topic, e);
                unavailable.add(topic);
            } catch (RuntimeException e) {
                unavailable.add(topic);
                if (missing(topic)) {
                    park(topic, new UnknownTopicOrPartitionException("topic " + topic + " does not exist"));
                } else {
                    LOG.warn("Outbox relay cannot reach the broker for topic {}; its rows wait: {}", topic, e.toString());
                }
            }
        }
        return unavailable;
    }

    private boolean missing(String topic) {
        try {
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void park(String topic, Exception why) {
        int count = transactions.executeWrite(status -> rows.parkTopic(topic, Parking.describe(why)));
        parkings.increment(count);
        LOG.error("Parked {} outbox row(s) for topic {}: {}. Once the topic exists, release them with "
                + "UPDATE messaging.outbox_message SET parked_at = NULL WHERE topic = '{}' AND sent_at IS NULL",
                count, topic, why.toString(), topic);
    }
}
