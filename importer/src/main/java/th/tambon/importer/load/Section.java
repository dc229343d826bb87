package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;

import java.util.List;

/**
 * One kind of thing the importer loads, in the order the {@link Loader} is given them (a later section may need an
 * earlier one's items). Each item is compared with what the registry holds before anything is written, so loading is
 * idempotent by natural key and a run cut short resumes where it stopped.
 */
public interface Section {
    /** The section's name in the file and in the summary: {@code esas}, {@code schools}… */
    String name();

    /** Its items, in file order. */
    List<Item> items(JsonNode scenario);

    /** The items of earlier sections this one needs, as {@code section:key}; if one failed, this one is not tried. */
    default List<String> needs(Item item) {
        return List.of();
    }

    /** Reads what the registry already holds for these items, a page at a time, before any of them is loaded. */
    default void prefetch(Gateway gateway, List<Item> items) {
    }

    /** Brings the registry to the item's state; with {@code dryRun}, only says what that would do. */
    Result load(Item item, Gateway gateway, boolean dryRun);

    /** The same, for a section that may wait on the way and says so on its section's progress {@code bar}. */
    default Result load(Item item, Gateway gateway, boolean dryRun, Progress.Bar bar) {
        return load(item, gateway, dryRun);
    }
}
