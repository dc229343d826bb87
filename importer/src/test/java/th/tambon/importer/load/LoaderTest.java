package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import th.tambon.importer.StandInGateway;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayUnavailable;
import th.tambon.importer.gateway.RetryPolicy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader's own promises, with sections that decide without a registry (no request reaches the gateway). */
class LoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gateway UNUSED = new Gateway(URI.create("http://127.0.0.1:9"), "t", RetryPolicy.DEFAULT, JSON);
    private final ConcurrentLinkedQueue<String> tried = new ConcurrentLinkedQueue<>();

    /** A section over {@code name[]}, items keyed by "code", needing "needs" (section:key) when given. */
    private Section section(String name, Set<String> failing, Set<String> stopping) {
        return section(name, failing, stopping, Set.of());
    }

    /** The same, whose {@code buggy} items throw what a bug in the importer would. */
    private Section section(String name, Set<String> failing, Set<String> stopping, Set<String> buggy) {
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
                if (buggy.contains(item.key())) {
                    throw new IllegalStateException("a bug while loading " + item.key());
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
                 "expect": [{"esa": "P31-4"}, {"esa": "P51-1"}]}""");
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
                "expect         skipped: 2 entries, figures to compare with the gateway's reports, not to load "
                        + "(--check compares them)");
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

    @Test
    void after_a_stop_the_summary_waits_for_the_requests_in_flight_and_counts_what_was_not_done() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        try (StandInGateway stand = new StandInGateway()) {
            stand.on("POST /api/v1/esas", () -> {
                inFlight.countDown();
                Thread.sleep(500); // the registry is still writing it when the other item's token is refused
                return new StandInGateway.Answer(201, "{}");
            }).on("GET /api/v1/esas/P31-4", 401, "{\"detail\":\"expired\"}");
            Section esas = new Section() {
                @Override
                public String name() {
                    return "esas";
                }

                @Override
                public List<Item> items(JsonNode scenario) {
                    return Sections.items(scenario, name(), node -> node.path("code").asText());
                }

                @Override
                public Result load(Item item, Gateway gateway, boolean dryRun) {
                    if (item.key().equals("P31-4")) {
                        try {
                            inFlight.await();
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                        gateway.get("/api/v1/esas/P31-4"); // refused: stops the import
                        throw new AssertionError("a 401 stops the import");
                    }
                    return gateway.post("/api/v1/esas", Map.of("code", item.key())).ok() ? Result.CREATED
                            : Result.failed("not created");
                }
            };
            Loader loader = new Loader(stand.client(), List.of(esas, section("schools", Set.of(), Set.of())),
                    Progress.NONE, 2, false);

            Summary summary = loader.load(scenario());

            assertThat(summary.stopped()).isTrue();
            assertThat(summary.count("esas", Outcome.CREATED)).as("the create in flight when the import stopped")
                    .isEqualTo(1);
            assertThat(tried).as("nothing begun after the stop").isEmpty();
            assertThat(print(summary))
                    .containsPattern("(?m)^section +created +updated +unchanged +failed +not done$")
                    .containsPattern("(?m)^esas +1 +0 +0 +0 +1$")
                    .containsPattern("(?m)^schools +0 +0 +0 +0 +4$")
                    .contains("The import stopped: GET /api/v1/esas/P31-4 was refused (401)");
        }
    }

    @Test
    void an_unexpected_error_while_loading_an_item_stops_the_import_as_a_bug_rather_than_failing_the_item()
            throws Exception {
        Loader loader = new Loader(UNUSED, List.of(section("esas", Set.of(), Set.of(), Set.of("P31-4")),
                section("schools", Set.of(), Set.of())), Progress.NONE, 1, false);

        Summary summary = loader.load(scenario());

        assertThat(summary.stopped()).isTrue();
        assertThat(summary.total(Outcome.FAILED)).isZero();
        assertThat(tried).containsExactly("esas:P31-4");
        assertThat(print(summary)).containsPattern("(?m)^esas +0 +0 +0 +0 +2$")
                .contains("The import stopped on an unexpected error, a bug in the importer: "
                        + "java.lang.IllegalStateException: a bug while loading P31-4");
    }

    private static String print(Summary summary) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
