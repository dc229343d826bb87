package th.tambon.importer.check;

/**
 * A line of the check's table: one figure of one report, the file's value and the report's as each gives it, or in
 * place of the report's the section that is not OK ("events UNAVAILABLE") or "unreadable" (the whole report).
 */
record Row(String esa, int fiscalYear, String field, String expected, String actual, Mark mark) {
    enum Mark { AS_EXPECTED, DIFFERS, SECTION_NOT_OK, UNREADABLE }

    boolean ok() {
        return mark == Mark.AS_EXPECTED;
    }
}
