package th.tambon.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates as Thai readers write them: day, Thai month name, Buddhist Era year: 2020-07-21 is "21 กรกฎาคม 2563". */
public final class ThaiDates {
    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    private ThaiDates() {
    }

    public static String format(LocalDate date) {
        return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, THAI) + " "
                + (date.getYear() + 543);
    }

    /** A month as Thai readers write it: 2020-09 is "กันยายน 2563". */
    public static String format(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, THAI) + " " + (month.getYear() + 543);
    }
}
