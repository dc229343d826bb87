package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code networks[]}: each ESA's network set with {@code PUT /api/v1/esas/{esa}/network} when its chair school, chair
 * person or members differ from the registry's (member order does not matter). Its members must have been loaded as
 * active quality schools first.
 */
public final class NetworkSection implements Section {
    @Override
    public String name() {
        return "networks";
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        return Sections.items(scenario, name(), node -> node.path("esa").asText());
    }

    @Override
    public List<String> needs(Item item) {
        List<String> needs = new ArrayList<>();
        needs.add("esas:" + item.key());
        for (String member : members(item.node())) {
            needs.add("designations:" + member);
        }
        return needs;
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun) {
        String path = "/api/v1/esas/" + item.key() + "/network";
        Reply current = gateway.get(path);
        if (current.status() != 404 && (!current.ok() || current.body() == null)) {
            return Result.failed("GET " + path + ": " + current.status() + " " + current.problem());
        }
        boolean exists = current.status() != 404;
        String chairSchool = item.node().path("chairSchool").asText();
        String chairPerson = item.node().path("chairPerson").asText().strip();
        Set<String> members = members(item.node());
        if (exists && chairSchool.equals(current.body().path("chairSchool").asText())
                && chairPerson.equals(current.body().path("chairPerson").asText())
                && members.equals(heldMembers(current.body()))) {
            return Result.UNCHANGED;
        }
        if (!dryRun) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("chairSchool", chairSchool)
                    .put("chairPerson", chairPerson);
            ArrayNode list = body.putArray("members");
            members.forEach(list::add);
            Reply set = gateway.put(path, body, null);
            if (!set.ok()) {
                return Result.failed(set.status() + " " + set.problem());
            }
        }
        return exists ? Result.UPDATED : Result.CREATED;
    }

    private static Set<String> members(JsonNode network) {
        Set<String> members = new TreeSet<>();
        network.path("members").forEach(member -> members.add(member.asText()));
        return members;
    }

    private static Set<String> heldMembers(JsonNode network) {
        Set<String> members = new TreeSet<>();
        network.path("members").forEach(member -> members.add(member.path("code").asText()));
        return members;
    }
}
