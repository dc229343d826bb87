package th.tambon.schools.esa.web;

/** The fields a list of ESAs sorts by ({@link th.tambon.http.Sorting}); ties go by code. */
final class EsaOrder {
    static final String PATTERN = "-?(code|nameTh|nameEn|provinceCode)";
    static final String MESSAGE = "must be code, nameTh, nameEn or provinceCode, with a leading - for descending";

    private EsaOrder() {
    }
}
