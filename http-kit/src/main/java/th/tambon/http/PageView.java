package th.tambon.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The JSON of one page of a list: {@code items} (always present, {@code []} when the page is empty) plus where the
 * client is in the list, so it can show "page 2 of 7".
 */
@Serdeable
public record PageView<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, int page, int size,
                          long totalItems, int totalPages) {
    public PageView {
        items = List.copyOf(items);
    }

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(items, page, size, totalItems, size == 0 ? 0 : (int) ((totalItems + size - 1) / size));
    }
}
