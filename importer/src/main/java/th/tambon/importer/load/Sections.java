package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Helpers shared by the sections. */
final class Sections {
    private Sections() {
    }

    /** The entries of a top-level array (none when it is absent), each with its key and JSON path. */
    static List<Item> items(JsonNode scenario, String section, Function<JsonNode, String> key) {
        List<Item> items = new ArrayList<>();
        JsonNode array = scenario.path(section);
        for (int i = 0; i < array.size(); i++) {
            items.add(new Item(key.apply(array.get(i)), "$." + section + "[" + i + "]", array.get(i), i));
        }
        return items;
    }
}
