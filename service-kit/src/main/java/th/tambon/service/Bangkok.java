package th.tambon.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The programme's time: its days are Bangkok's (UTC+7), and stored instants keep PostgreSQL's microseconds. */
public final class Bangkok {
    public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private Bangkok() {
    }

    /** Today's date in Bangkok by that clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The clock's instant as it will be stored (microseconds, as timestamptz keeps them). */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
