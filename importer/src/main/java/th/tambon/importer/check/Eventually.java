package th.tambon.importer.check;

import java.time.Duration;

/**
 * How long the check waits for the services to agree with the file: the reports are built from what each service has
 * consumed from Kafka, so a figure a moment behind the import is tried again, with pauses from {@code firstPause}
 * doubling to {@code maxPause}, until {@code within} has passed (0: one attempt).
 */
public record Eventually(Duration within, Duration firstPause, Duration maxPause) {
    public Eventually {
        if (within.isNegative() || firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("waits must not be negative, and the first pause above 0 and at most "
                    + "the longest");
        }
    }

    /** Up to {@code within}, with pauses of 0.25 s, 0.5 s … 5 s (as the import waits for budget-service). */
    public static Eventually within(Duration within) {
        return new Eventually(within, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    Duration after(Duration pause) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(maxPause) > 0 ? maxPause : twice;
    }
}
