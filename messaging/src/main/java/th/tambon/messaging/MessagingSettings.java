package th.tambon.messaging;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the kit does is configurable under {@code tambon.messaging}; the defaults are the safe ones
 * (earliest offsets, acks=all, bounded retries then the dead-letter topic).
 */
@ConfigurationProperties("tambon.messaging")
public class MessagingSettings {
    /** Topics this service publishes to; created at start-up if missing. */
    private List<String> produces = new ArrayList<>();
    private int topicPartitions = 3;
    private short topicReplicationFactor = 1;

    private boolean relayEnabled = true;
    private Duration relayPollInterval = Duration.ofMillis(500);
    private int relayBatchSize = 200;
    private int relayLanes = 8;
    private Duration outboxRetention = Duration.ofDays(7);
    private Duration outboxPruneInterval = Duration.ofHours(1);

    private boolean consumersEnabled = true;
    private String autoOffsetReset = "earliest";
    private int maxPollRecords = 100;
    private Duration pollTimeout = Duration.ofMillis(500);
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);

    private Duration producerDeliveryTimeout = Duration.ofSeconds(30);
    private Duration producerMaxBlock = Duration.ofSeconds(10);

    public List<String> getProduces() { return produces; }
    public void setProduces(List<String> produces) { this.produces = produces; }
    public int getTopicPartitions() { return topicPartitions; }
    public void setTopicPartitions(int topicPartitions) { this.topicPartitions = topicPartitions; }
    public short getTopicReplicationFactor() { return topicReplicationFactor; }
    public void setTopicReplicationFactor(short topicReplicationFactor) { this.topicReplicationFactor = topicReplicationFactor; }
    public boolean isRelayEnabled() { return relayEnabled; }
    public void setRelayEnabled(boolean relayEnabled) { this.relayEnabled = relayEnabled; }
    public Duration getRelayPollInterval() { return relayPollInterval; }
    public void setRelayPollInterval(Duration relayPollInterval) { this.relayPollInterval = relayPollInterval; }
    public int getRelayBatchSize() { return relayBatchSize; }
    public void setRelayBatchSize(int relayBatchSize) { this.relayBatchSize = relayBatchSize; }
    public int getRelayLanes() { return relayLanes; }
    public void setRelayLanes(int relayLanes) { this.relayLanes = relayLanes; }
    public Duration getOutboxRetention() { return outboxRetention; }
    public void setOutboxRetention(Duration outboxRetention) { this.outboxRetention = outboxRetention; }
    public Duration getOutboxPruneInterval() { return outboxPruneInterval; }
    public void setOutboxPruneInterval(Duration outboxPruneInterval) { this.outboxPruneInterval = outboxPruneInterval; }
    public boolean isConsumersEnabled() { return consumersEnabled; }
    public void setConsumersEnabled(boolean consumersEnabled) { this.consumersEnabled = consumersEnabled; }
    public String getAutoOffsetReset() { return autoOffsetReset; }
    public void setAutoOffsetReset(String autoOffsetReset) { this.autoOffsetReset = autoOffsetReset; }
    public int getMaxPollRecords() { return maxPollRecords; }
    public void setMaxPollRecords(int maxPollRecords) { this.maxPollRecords = maxPollRecords; }
    public Duration getPollTimeout() { return pollTimeout; }
    public void setPollTimeout(Duration pollTimeout) { this.pollTimeout = pollTimeout; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public Duration getProducerDeliveryTimeout() { return producerDeliveryTimeout; }
    public void setProducerDeliveryTimeout(Duration producerDeliveryTimeout) { this.producerDeliveryTimeout = producerDeliveryTimeout; }
    public Duration getProducerMaxBlock() { return producerMaxBlock; }
    public void setProducerMaxBlock(Duration producerMaxBlock) { this.producerMaxBlock = producerMaxBlock; }

    /** Exponential backoff before attempt {@code attempt + 1} (attempt counts from 1), capped at {@link #maxBackoff}. */
    public Duration backoffAfter(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
