package th.tambon.gateway.export;

/** A column of an exported sheet: its Thai header and what its cells hold. */
public record Column(String header, Kind kind) {

    /** What a column's cells hold, and so how each format writes them. */
    public enum Kind {
        /** a string */
        TEXT,
        /** a whole number (Long) */
        COUNT,
        /** baht: a decimal string or BigDecimal, written with two decimals */
        BAHT,
        /** a percentage with two decimals, as a decimal string */
        PERCENT,
        /** a LocalDate: a date cell shown in Buddhist Era in XLSX, "28 กันยายน 2563" in CSV */
        DATE
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column count(String header) {
        return new Column(header, Kind.COUNT);
    }

    public static Column baht(String header) {
        return new Column(header, Kind.BAHT);
    }

    public static Column percent(String header) {
        return new Column(header, Kind.PERCENT);
    }

    public static Column date(String header) {
        return new Column(header, Kind.DATE);
    }
}
