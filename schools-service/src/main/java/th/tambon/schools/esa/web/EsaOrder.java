package th.tambon.schools.esa.web;

import io.micronaut.data.model.Sort;

/** The {@code sort} of a list of ESAs: a field, descending with a leading {@code -}; ties go by code. */
final class EsaOrder {
    static final String PATTERN = "-?(code|nameTh|nameEn|provinceCode)";
    static final String MESSAGE = "must be code, nameTh, nameEn or provinceCode, with a leading - for descending";

    private EsaOrder() {
    }

    /** @param sort a value matching {@link #PATTERN} */
    static Sort of(String sort) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Sort.Order first = descending ? Sort.Order.desc(field) : Sort.Order.asc(field);
        return field.equals("code") ? Sort.of(first) : Sort.of(first, Sort.Order.asc("code"));
    }
}
