package th.tambon.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kit adds to micronaut-kafka is configurable under {@code tambon.messaging}; the Kafka clients themselves
 * are configured under {@code kafka.producers.*} and {@code kafka.consumers.*}. The defaults are the safe ones.
 */
@ConfigurationProperties("tambon.messaging")
public class MessagingSettings {
    /** Topics this service publishes to; created at start-up if missing. */
    private List<String> produces = new ArrayList<>();
    private int topicPartitions = 3;
    private short topicReplicationFactor = 1;
    /**
     * Whether the relay refuses to publish while a topic of this service's would delete or compact events away
     * (readiness DOWN, an error); false makes that a warning, for an operator who chose a limit on purpose.
     */
    private boolean refuseTopicsDroppingEvents = true;
    /** How often the topics' retention is read again once it was found right (docs/decisions/0010). */
    private Duration topicCheckInterval = Duration.ofMinutes(1);

    private boolean relayEnabled = true;
    private Duration relayPollInterval = Duration.ofMillis(500);
    private int relayBatchSize = 200;
    private int relayLanes = 8;
    /** How long the relay waits for the broker's acknowledgements of one lane, inside its transaction. */
    private Duration relaySendTimeout = Duration.ofSeconds(10);
    /** Longest wait before a row that failed is tried again. */
    private Duration relayMaxBackoff = Duration.ofSeconds(15);

    private Duration outboxRetention = Duration.ofDays(7);
    /** How long a consumer remembers an event it applied, to recognise it when it is delivered again. */
    private Duration inboxRetention = Duration.ofDays(7);
    private int pruneBatchSize = 5_000;

    /** Attempts of a record whose handler fails, before it is dead-lettered. */
    private int maxAttempts = 3;
    /** How long a record that keeps meeting deadlocks, serialization failures or timeouts is retried. */
    private Duration transientRetryFor = Duration.ofMinutes(2);
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration deadLetterTimeout = Duration.ofSeconds(30);

    public List<String> getProduces() { return produces; }
    public void setProduces(List<String> produces) { this.produces = produces; }
    public int getTopicPartitions() { return topicPartitions; }
    public void setTopicPartitions(int topicPartitions) { this.topicPartitions = topicPartitions; }
    public short getTopicReplicationFactor() { return topicReplicationFactor; }
    public void setTopicReplicationFactor(short topicReplicationFactor) { this.topicReplicationFactor = topicReplicationFactor; }
    public boolean isRefuseTopicsDroppingEvents() { return refuseTopicsDroppingEvents; }
    public void setRefuseTopicsDroppingEvents(boolean refuse) { this.refuseTopicsDroppingEvents = refuse; }
    public Duration getTopicCheckInterval() { return topicCheckInterval; }
    public void setTopicCheckInterval(Duration topicCheckInterval) { this.topicCheckInterval = topicCheckInterval; }
    public boolean isRelayEnabled() { return relayEnabled; }
    public void setRelayEnabled(boolean relayEnabled) { this.relayEnabled = relayEnabled; }
    public Duration getRelayPollInterval() { return relayPollInterval; }
    public void setRelayPollInterval(Duration relayPollInterval) { this.relayPollInterval = relayPollInterval; }
    public int getRelayBatchSize() { return relayBatchSize; }
    public void setRelayBatchSize(int relayBatchSize) { this.relayBatchSize = relayBatchSize; }
    public int getRelayLanes() { return relayLanes; }
    public void setRelayLanes(int relayLanes) { this.relayLanes = relayLanes; }
    public Duration getRelaySendTimeout() { return relaySendTimeout; }
    public void setRelaySendTimeout(Duration relaySendTimeout) { this.relaySendTimeout = relaySendTimeout; }
    public Duration getRelayMaxBackoff() { return relayMaxBackoff; }
    public void setRelayMaxBackoff(Duration relayMaxBackoff) { this.relayMaxBackoff = relayMaxBackoff; }
    public Duration getOutboxRetention() { return outboxRetention; }
    public void setOutboxRetention(Duration outboxRetention) { this.outboxRetention = outboxRetention; }
    public Duration getInboxRetention() { return inboxRetention; }
    public void setInboxRetention(Duration inboxRetention) { this.inboxRetention = inboxRetention; }
    public int getPruneBatchSize() { return pruneBatchSize; }
    public void setPruneBatchSize(int pruneBatchSize) { this.pruneBatchSize = pruneBatchSize; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getTransientRetryFor() { return transientRetryFor; }
    public void setTransientRetryFor(Duration transientRetryFor) { this.transientRetryFor = transientRetryFor; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public Duration getDeadLetterTimeout() { return deadLetterTimeout; }
    public void setDeadLetterTimeout(Duration deadLetterTimeout) { this.deadLetterTimeout = deadLetterTimeout; }

    /** Exponential backoff before attempt {@code attempt + 1} (attempt counts from 1), capped at {@code max}. */
    public Duration backoffAfter(int attempt, Duration max) {
        long millis = initialBackoff.toMillis() << Math.min(Math.max(attempt, 1) - 1, 20);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** A consumer's backoff, capped at {@link #getMaxBackoff()}. */
    public Duration backoffAfter(int attempt) {
        return backoffAfter(attempt, maxBackoff);
    }
}
