package th.tambon.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

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

    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getPageNumber(), page.getSize(), page.getTotalSize(),
                page.getTotalPages());
    }

    public static <T, R> PageView<R> of(Page<T> page, Function<T, R> view) {
        return of(page.map(view));
    }
}
