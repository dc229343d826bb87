package th.tambon.http;

import io.micronaut.data.model.Sort;

/**
 * The {@code ?sort=} of a list: a field name, descending with a leading {@code -}, e.g. {@code -nameTh}. Ties go by
 * the list's key so that pages never overlap or skip. Each list declares its own fields as a pattern for
 * {@code @Pattern}, so an unknown field is a 422 naming {@code sort}.
 */
public final class Sorting {
    private Sorting() {
    }

    /** @param sort a value matching the list's pattern; {@code key} the unique field that breaks ties */
    public static Sort of(String sort, String key) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Sort.Order first = descending ? Sort.Order.desc(field) : Sort.Order.asc(field);
        return field.equals(key) ? Sort.of(first) : Sort.of(first, Sort.Order.asc(key));
    }
}
