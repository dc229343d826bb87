package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code networks[]}: each ESA's network set with {@code PUT /api/v1/esas/{esa}/network} when its chair school, chair
 * person or members differ from the registry's (member order does not matter). Its members must have been loaded as
 * active quality schools first. A network listing a school the registry holds as a withdrawn quality school (its
 * designation was withdrawn after the file's date, which the designations section leaves as it is) is left as the
 * registry has it, with a note: the registry took the school out of the network when it was withdrawn, the API would
 * refuse it as a member, and a new network is a decision to make through the API.
 */
public final class NetworkSection implements Section {
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

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

    /** The schools of the networks' ESAs that the registry holds as withdrawn quality schools, read once. */
    @Override
    public void prefetch(Gateway gateway, List<Item> items) {
        withdrawn.clear();
        Set<String> esas = new LinkedHashSet<>();
        items.forEach(item -> esas.add(item.key()));
        for (String esa : esas) {
            Pages.each(gateway, "/api/v1/schools?esa=" + URLEncoder.encode(esa, StandardCharsets.UTF_8)
                    + "&qualityStatus=WITHDRAWN", school -> withdrawn.add(school.path("code").asText()));
        }
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
        List<String> gone = members.stream().filter(withdrawn::contains)
                .map(member -> member.equals(chairSchool) ? member + " (its chair school)" : member).toList();
        if (!gone.isEmpty()) {
            return Result.unchanged("the file lists " + String.join(", ", gone) + ", which the registry holds as "
                    + (gone.size() == 1 ? "a withdrawn quality school" : "withdrawn quality schools")
                    + ": the network is left as the registry has it; set it through the API (PUT " + path + ")");
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
