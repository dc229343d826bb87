package th.tambon.messaging.consumer;

import jakarta.inject.Singleton;
import th.tambon.messaging.MessagingSettings;

import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of a record that failed, by the kind of its failure ({@link Failures}): poison is dead-lettered at
 * once; a failing handler is retried {@code max-attempts} times, a deadlock or serialization failure for
 * {@code transient-retry-for}, then dead-lettered; a condition of the database or the JVM is waited out, however long
 * it lasts, and never dead-lettered.
 */
@Singleton
class FailurePolicy {
    /** The decision about one failed attempt. */
    sealed interface Decision {
        /** Try the record again after the backoff; its partition waits at it meanwhile. */
        record RetryLater(int attempts, Duration backoff) implements Decision {
        }

        /** Give up on the record: send it to the dead-letter topic. */
        record DeadLetter(int attempts) implements Decision {
        }

        /** Not the record's fault: it waits, and readiness says the listener is stuck. */
        record Hold() implements Decision {
        }
    }

    private final MessagingSettings settings;

    FailurePolicy(MessagingSettings settings) {
        this.settings = settings;
    }

    Decision decide(Reading reading, Throwable failure, PartitionRetries retries, Instant now) {
        return switch (Failures.of(failure)) {
            case POISON -> new Decision.DeadLetter(1);
            case INFRASTRUCTURE, BROKEN -> {
                // waiting out an outage is not the record's fault: its retry time starts again afterwards
                retries.forget(reading.partition());
                yield new Decision.Hold();
            }
            case TRANSIENT -> {
                var retry = retries.failed(reading.partition(), reading.offset(), now);
                yield Duration.between(retry.firstFailedAt(), now).compareTo(settings.getTransientRetryFor()) < 0
                        ? new Decision.RetryLater(retry.attempts(), settings.backoffAfter(retry.attempts()))
                        : new Decision.DeadLetter(retry.attempts());
            }
            case RECORD -> {
                var retry = retries.failed(reading.partition(), reading.offset(), now);
                yield retry.attempts() < settings.getMaxAttempts()
                        ? new Decision.RetryLater(retry.attempts(), settings.backoffAfter(retry.attempts()))
                        : new Decision.DeadLetter(retry.attempts());
            }
        };
    }

    /** How long a listener that keeps being stuck waits before its next try, after {@code stalls} stalls. */
    Duration stallBackoff(int stalls) {
        return settings.backoffAfter(stalls + 1);
    }
}
