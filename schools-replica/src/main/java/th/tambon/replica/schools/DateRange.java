package th.tambon.replica.schools;

import java.time.LocalDate;

/** The days from {@code first} to {@code last}, both included. */
public record DateRange(LocalDate first, LocalDate last) {
    public DateRange {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException(last + " is before " + first);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
