package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code activities[]}: each activity of an ESA, by its natural key ({@code esa}, {@code ref}), drafted through
 * events-service when absent, its details brought to the file's while its state allows, then driven to its
 * {@code outcome} from wherever it is, with its participation and certificates ({@link ActivityLoad}). An activity the
 * file gives neither a {@code venueSchool} nor a {@code venue} is drafted with its ESA's office (the ESA's Thai name)
 * as its venue, since events-service needs to know where it is held. Before it writes
 * an activity it waits until events-service's replica knows the ESA and schools it names ({@link Replica}). An activity
 * funded from a round of the file's {@code budget} needs that round. An activity whose funding saga budget-service has
 * not settled yet (its request not answered, its reported cost not spent, its cancelled commitment not released) is
 * "waiting for budget" ({@link Outcome#WAITING}), not failed, and the next import goes on from there without asking for
 * the funding again.
 */
public final class ActivitySection implements Section {
    private final Patience patience;
    private final Replica replica = Replica.events();
    private final Map<String, JsonNode> known = new ConcurrentHashMap<>();
    /** The Thai name of each of the file's ESAs: where an activity is held when the file names no place. */
    private final Map<String, String> offices = new ConcurrentHashMap<>();

    public ActivitySection() {
        this(Patience.DEFAULT);
    }

    public ActivitySection(Patience patience) {
        this.patience = patience;
    }

    @Override
    public String name() {
        return "activities";
    }

    /** An activity's key: {@code P31-4/p31-4-workshop-2563-07-21} (a ref has no slash). */
    static String key(String esa, String ref) {
        return esa + "/" + ref;
    }

    @Override
    public List<Item> items(JsonNode scenario) {
        offices.clear();
        scenario.path("esas").forEach(esa -> {
            if (esa.hasNonNull("nameTh")) {
                offices.put(esa.path("code").asText(), esa.get("nameTh").asText().strip());
            }
        });
        return Sections.items(scenario, name(), node -> key(node.path("esa").asText(), node.path("ref").asText()));
    }

    @Override
    public List<String> needs(Item item) {
        List<String> needs = new ArrayList<>();
        needs.add("esas:" + item.node().path("esa").asText());
        schools(item.node()).forEach(school -> needs.add("schools:" + school));
        JsonNode funding = item.node().path("funding");
        if (funding.isObject()) { // the round it is funded from, when the file records it
            needs.add("budget:" + BudgetSection.key(item.node().path("esa").asText(), funding.path("fiscalYear").asInt(),
                    funding.path("round").asInt()));
        }
        return needs;
    }

    /** The schools an activity names: its venue school and those it awards certificates to. */
    static Set<String> schools(JsonNode activity) {
        Set<String> schools = new LinkedHashSet<>();
        if (activity.hasNonNull("venueSchool")) {
            schools.add(activity.get("venueSchool").asText());
        }
        schools.addAll(certificateSchools(activity));
        return schools;
    }

    static Set<String> certificateSchools(JsonNode activity) {
        Set<String> schools = new LinkedHashSet<>();
        activity.path("certificates").forEach(certificate -> schools.add(certificate.path("school").asText()));
        return schools;
    }

    /** The activities of the items' ESAs, a page at a time (the list's views, without participation or history). */
    @Override
    public void prefetch(Gateway gateway, List<Item> items) {
        known.clear();
        Set<String> esas = new LinkedHashSet<>();
        items.forEach(item -> esas.add(item.node().path("esa").asText()));
        for (String esa : esas) {
            Pages.each(gateway, "/api/v1/activities?esa=" + URLEncoder.encode(esa, StandardCharsets.UTF_8)
                    + "&sort=ref", activity -> known.put(key(esa, activity.path("ref").asText()), activity));
        }
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun) {
        return load(item, gateway, dryRun, Progress.NONE.start(name(), 1));
    }

    @Override
    public Result load(Item item, Gateway gateway, boolean dryRun, Progress.Bar bar) {
        return new ActivityLoad(item, known.get(item.key()), offices.get(item.node().path("esa").asText()), gateway,
                dryRun, bar, replica, patience).load();
    }
}
