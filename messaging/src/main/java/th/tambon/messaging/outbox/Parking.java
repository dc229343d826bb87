package th.tambon.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the relay records about a row it parks or retries: the counter of parkings and the failure's description. */
final class Parking {
    private static final int MAX_ERROR_LENGTH = 2_000;

    private Parking() {
    }

    static Counter counter(MeterRegistry meters) {
        return Counter.builder("tambon.outbox.parkings").description("Outbox rows parked").register(meters);
    }

    static String describe(Throwable failure) {
        String text = String.valueOf(failure);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
