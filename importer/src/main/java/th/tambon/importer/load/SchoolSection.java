package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schools[]}: registered with {@code POST /api/v1/schools}, their details kept up to date. Its ESA and tambon
 * code are fixed; names, place names, director and size follow the file. Their quality-school designations are the
 * next section.
 */
public final class SchoolSection extends RegistrySection {
    private static final List<String> UPDATABLE =
            List.of("nameTh", "nameEn", "province", "district", "tambon", "director", "students", "teachers");

    @Override
    public String name() {
        return "schools";
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        return Sections.items(scenario, name(), node -> node.path("code").asText());
    }

    @Override
    public List<String> needs(Item item) {
        return List.of("esas:" + item.node().path("esa").asText());
    }

    @Override
    String collection() {
        return "/api/v1/schools";
    }

    @Override
    ObjectNode createBody(Item item) {
        return copy(item, "code", "nameTh", "nameEn", "esa", "province", "district", "tambon", "tambonCode",
                "director", "students", "teachers");
    }

    @Override
    Map<String, JsonNode> fixedFields(Item item) {
        Map<String, JsonNode> fixed = new LinkedHashMap<>();
        fixed.put("esa", item.node().get("esa"));
        fixed.put("tambonCode", item.node().get("tambonCode"));
        return fixed;
    }

    @Override
    List<String> updatableFields() {
        return UPDATABLE;
    }

    @Override
    void list(Gateway gateway, List<Item> items, Map<String, JsonNode> into) {
        Set<String> esas = new LinkedHashSet<>();
        items.forEach(item -> esas.add(item.node().path("esa").asText()));
        for (String esa : esas) {
            Pages.each(gateway, collection() + "?sort=code&esa=" + URLEncoder.encode(esa, StandardCharsets.UTF_8),
                    school -> into.put(school.path("code").asText(), school));
        }
    }
}
