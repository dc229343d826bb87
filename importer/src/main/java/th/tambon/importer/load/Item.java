package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a section: its natural key, where it is in the file, its JSON, and its place in the section. */
public record Item(String key, String path, JsonNode node, int position) {
}
