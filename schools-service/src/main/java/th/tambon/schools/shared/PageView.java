package th.tambon.schools.shared;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The JSON of a page: {@code items} plus where the client is in the list. */
@Serdeable
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    public static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
