package th.tambon.schools.school.web;

/** The fields a list of schools sorts by ({@link th.tambon.http.Sorting}); ties go by SMIS code. */
final class SchoolOrder {
    static final String PATTERN = "-?(code|nameTh|nameEn|esa|tambonCode|students|teachers)";
    static final String MESSAGE = "must be code, nameTh, nameEn, esa, tambonCode, students or teachers, "
            + "with a leading - for descending";

    private SchoolOrder() {
    }
}
