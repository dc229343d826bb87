package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayUnavailable;
import th.tambon.importer.gateway.RetryPolicy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader's own promises, with sections that decide without a registry (no request reaches the gateway). */
class LoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gateway UNUSED = new Gateway(URI.create("http://127.0.0.1:9"), "t", RetryPolicy.DEFAULT, JSON);
    private final ConcurrentLinkedQueue<String> tried = new ConcurrentLinkedQueue<>();

    /** A section over {@code name[]}, items keyed by "code", needing "needs" (section:key) when given. */
    private Section section(String name, Set<String> failing, Set<String> stopping) {
        return new Section() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Item> items(JsonNode scenario) {
                return Sections.items(scenario, name, node -> node.path("code").asText());
            }

            @Override
            public List<String> needs(Item item) {
                return item.node().has("needs") ? List.of(item.node().get("needs").asText()) : List.of();
            }

            @Override
            public Result load(Item item, Gateway gateway, boolean dryRun) {
                tried.add(name + ":" + item.key());
                if (stopping.contains(item.key())) {
                    throw new GatewayUnavailable("GET /x failed 8 times");
                }
                return failing.contains(item.key()) ? Result.failed("422 refused " + item.key()) : Result.CREATED;
            }
        };
    }

    private static JsonNode scenario() throws Exception {
        return JSON.readTree("""
                {"format": "tambon-scenario/1",
                 "esas": [{"code": "P31-4"}, {"code": "P51-1"}],
                 "schools": [{"code": "1", "needs": "esas:P51-1"}, {"code": "2", "needs": "esas:P31-4"},
                             {"code": "3", "needs": "esas:P51-1"}, {"code": "4", "needs": "esas:P51-1"}],
                 "networks": [{"code": "P51-1", "needs": "schools:3"}],
                 "budget": [{"round": 1}, {"round": 2}]}""");
    }

    @Test
    void what_needs_a_failed_item_is_not_tried_and_is_counted_under_the_root_failure_in_file_order() throws Exception {
        Loader loader = new Loader(UNUSED, List.of(section("esas", Set.of("P51-1"), Set.of()),
                section("schools", Set.of(), Set.of()), section("networks", Set.of(), Set.of())), Progress.NONE, 4, false);

        Summary summary = loader.load(scenario());

        assertThat(tried).containsExactlyInAnyOrder("esas:P31-4", "esas:P51-1", "schools:2");
        assertThat(summary.count("esas", Outcome.FAILED)).isEqualTo(1);
        assertThat(summary.count("schools", Outcome.CREATED)).isEqualTo(1);
        assertThat(summary.count("schools", Outcome.FAILED)).isEqualTo(3);
        assertThat(summary.failures()).containsExactly(
                "$.esas[1] (P51-1): 422 refused P51-1",
                "$.schools[0] (1): not tried: esas P51-1 failed",
                "$.schools[2] (3): not tried: esas P51-1 failed",
                "$.schools[3] (4): not tried: esas P51-1 failed",
                "$.networks[0] (P51-1): not tried: esas P51-1 failed");
        assertThat(print(summary)).contains("  $.esas[1] (P51-1): 422 refused P51-1\n",
                "  4 items from $.schools[0]: not tried: esas P51-1 failed\n",
                "budget         skipped: 2 entries, which this version of the importer does not load yet");
    }

    @Test
    void a_gateway_that_stays_away_stops_the_import_and_says_how_to_go_on() throws Exception {
        Loader loader = new Loader(UNUSED, List.of(section("esas", Set.of(), Set.of("P31-4")),
                section("schools", Set.of(), Set.of())), Progress.NONE, 1, false);

        Summary summary = loader.load(scenario());

        assertThat(summary.stopped()).isTrue();
        assertThat(tried).doesNotContain("schools:1", "schools:2");
        assertThat(print(summary)).contains("The import stopped: GET /x failed 8 times",
                "run the same import again to go on from there");
    }

    private static String print(Summary summary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
