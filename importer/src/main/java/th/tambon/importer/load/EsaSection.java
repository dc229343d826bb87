package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code esas[]}: registered with {@code POST /api/v1/esas}, their names and director kept up to date. */
public final class EsaSection extends RegistrySection {
    @Override
    public String name() {
        return "esas";
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        return Sections.items(scenario, name(), node -> node.path("code").asText());
    }

    @Override
    String collection() {
        return "/api/v1/esas";
    }

    @Override
    ObjectNode createBody(Item item) {
        return copy(item, "code", "kind", "zone", "provinceCode", "province", "nameTh", "nameEn", "director");
    }

    @Override
    Map<String, JsonNode> fixedFields(Item item) {
        Map<String, JsonNode> fixed = new LinkedHashMap<>();
        for (String field : List.of("kind", "zone", "provinceCode", "province")) {
            fixed.put(field, item.node().get(field));
        }
        return fixed;
    }

    @Override
    List<String> updatableFields() {
        return List.of("nameTh", "nameEn", "director");
    }

    @Override
    void list(Gateway gateway, List<Item> items, Map<String, JsonNode> into) {
        if (!items.isEmpty()) {
            Pages.each(gateway, collection() + "?sort=code", esa -> into.put(esa.path("code").asText(), esa));
        }
    }
}
