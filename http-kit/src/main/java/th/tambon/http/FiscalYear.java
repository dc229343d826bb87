package th.tambon.http;

import java.time.LocalDate;

/**
 * A Thai government fiscal year (ปีงบประมาณ), named by its Buddhist Era year: FY BE n runs from 1 October of CE n−544
 * to 30 September of CE n−543, so FY2563 is 2019-10-01 .. 2020-09-30.
 */
public record FiscalYear(int be) {

    public static FiscalYear of(int be) {
        return new FiscalYear(be);
    }

    /** The fiscal year a date falls in. */
    public static FiscalYear containing(LocalDate date) {
        int ce = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
        return new FiscalYear(ce + 543);
    }

    public LocalDate firstDay() {
        return LocalDate.of(be - 544, 10, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(be - 543, 9, 30);
    }
}
