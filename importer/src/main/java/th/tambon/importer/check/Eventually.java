package th.tambon.importer.check;

import th.tambon.importer.gateway.Backoff;

import java.time.Duration;

/**
 * How long the check waits for the services to agree with the file: the reports are built from what each service has
 * consumed from Kafka, so a figure a moment behind the import is tried again, after {@code pauses}, until
 * {@code within} has passed (0: one attempt).
 */
public record Eventually(Duration within, Backoff pauses) {
    public Eventually {
        if (within.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    /** Up to {@code within}, pausing as the import does ({@link Backoff#DEFAULT}). */
    public static Eventually within(Duration within) {
        return new Eventually(within, Backoff.DEFAULT);
    }
}
