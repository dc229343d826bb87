package th.tambon.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.load.ActivitySection;
import th.tambon.importer.load.Item;
import th.tambon.importer.load.Patience;
import th.tambon.importer.load.Result;
import th.tambon.importer.load.Section;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's exit codes and what it prints, against a stand-in gateway on loopback. */
class ImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StandInGateway stand = new StandInGateway();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path work;

    @AfterEach
    void close() {
        stand.close();
    }

    private Path seed() throws Exception {
        return Path.of(getClass().getResource("/scenarios/seed-2563.json").toURI());
    }

    private int run(Function<Path, List<Section>> sections, String... args) {
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new ImportCommand(printed, errors, false, sections));
        command.setOut(new PrintWriter(printed, true));
        command.setErr(new PrintWriter(errors, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--gateway", stand.base().toString(), "--token", "t0ken", "--no-progress"));
        return command.execute(all.toArray(String[]::new));
    }

    /** The file's ESAs, where P51-1 meets a bug in the importer. */
    private static Section esasWithABug() {
        return new Section() {
            @Override
            public String name() {
                return "esas";
            }

            @Override
            public List<Item> items(JsonNode scenario) {
                List<Item> items = new ArrayList<>();
                for (int i = 0; i < scenario.get("esas").size(); i++) {
                    JsonNode esa = scenario.get("esas").get(i);
                    items.add(new Item(esa.get("code").asText(), "$.esas[" + i + "]", esa, i));
                }
                return items;
            }

            @Override
            public Result load(Item item, Gateway gateway, boolean dryRun) {
                if (item.key().equals("P51-1")) {
                    throw new IllegalStateException("a bug in the importer");
                }
                return Result.CREATED;
            }
        };
    }

    @Test
    void a_bug_while_loading_exits_with_its_own_code_after_the_summary_of_what_was_loaded() throws Exception {
        int exit = run(file -> List.of(esasWithABug()), "--parallel", "1", seed().toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("(?m)^esas +1 +0 +0 +0 +1$")
                .contains("The import stopped on an unexpected error, a bug in the importer: "
                        + "java.lang.IllegalStateException: a bug in the importer");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java.lang.IllegalStateException: a bug in the importer",
                "\tat ");
    }

    @Test
    void a_bug_outside_the_loader_exits_with_the_same_code() throws Exception {
        int exit = run(file -> {
            throw new IllegalStateException("a bug before loading");
        }, seed().toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(5);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("java.lang.IllegalStateException: a bug before loading");
    }

    /** The report the gateway gives for {@code expect}: its eight figures as the file has them, every section OK. */
    private static ObjectNode report(JsonNode expect) {
        ObjectNode report = ((ObjectNode) expect.deepCopy()).put("generatedAt", "2026-11-24T10:00:00+07:00");
        report.putObject("sections").put("schools", "OK").put("events", "OK").put("budget", "OK");
        return report;
    }

    private JsonNode expected(int index) throws Exception {
        return JSON.readTree(seed().toFile()).get("expect").get(index);
    }

    /** Answers each report of the seed's expect list as {@code change} makes it from the matching one. */
    private void reports(java.util.function.BiConsumer<String, ObjectNode> change) throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonNode expect = expected(i);
            String esa = expect.get("esa").asText();
            ObjectNode report = report(expect);
            change.accept(esa, report);
            stand.on("GET /api/v1/esas/" + esa + "/report?fiscalYear=2563", 200, report.toString());
        }
    }

    private static long count(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
    }

    @Test
    void checking_after_the_import_prints_every_expected_figure_beside_the_report_s_and_exits_0_when_all_match()
            throws Exception {
        reports((esa, report) -> {
            if (esa.equals("P31-4")) {
                report.put("allocated", "0").put("remaining", "0.0"); // the same baht, written otherwise
            }
        });

        int exit = run(file -> List.of(), "--check", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isZero();
        assertThat(printed).containsPattern("(?m)^esa +fiscalYear +field +expected +actual$")
                .containsPattern("(?m)^P31-4 +2563 +qualitySchools +40 +40 +✓$")
                .containsPattern("(?m)^P31-4 +2563 +allocated +0\\.00 +0 +✓$")
                .containsPattern("(?m)^P31-4 +2563 +remaining +0\\.00 +0\\.0 +✓$")
                .containsPattern("(?m)^P51-1 +2563 +participantsTotal +104 +104 +✓$")
                .containsPattern("(?m)^P51-1 +2563 +spent +21700\\.00 +21700\\.00 +✓$")
                .contains("All 16 figures of 2 reports are as the file expects.");
        assertThat(count(printed, "✓")).isEqualTo(16);
        assertThat(stand.seen()).contains("GET /api/v1/esas/P31-4/report?fiscalYear=2563",
                "GET /api/v1/esas/P51-1/report?fiscalYear=2563");
    }

    @Test
    void a_figure_that_differs_exits_6_with_its_row_marked_and_the_others_still_listed() throws Exception {
        reports((esa, report) -> {
            if (esa.equals("P51-1")) {
                report.put("spent", "21000.00").put("certificatesAwarded", 30);
            }
        });

        int exit = run(file -> List.of(), "--check", "--check-wait", "0", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isEqualTo(6);
        assertThat(printed).containsPattern("(?m)^P51-1 +2563 +spent +21700\\.00 +21000\\.00 +✗$")
                .containsPattern("(?m)^P51-1 +2563 +certificatesAwarded +31 +30 +✗$")
                .containsPattern("(?m)^P51-1 +2563 +allocated +218700\\.00 +218700\\.00 +✓$")
                .contains("2 of 16 figures of 2 reports are not as the file expects: 2 differ.");
        assertThat(count(printed, "✓")).isEqualTo(14);
    }

    @Test
    void a_section_that_is_unavailable_exits_6_naming_it_beside_the_figures_that_come_from_it() throws Exception {
        reports((esa, report) -> {
            if (esa.equals("P31-4")) {
                report.putNull("activitiesHeld").putNull("participantsTotal").putNull("certificatesAwarded");
                ((ObjectNode) report.get("sections")).put("events", "UNAVAILABLE");
            }
        });

        int exit = run(file -> List.of(), "--check", "--check-wait", "0", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isEqualTo(6);
        assertThat(printed).containsPattern("(?m)^P31-4 +2563 +activitiesHeld +1 +events UNAVAILABLE +✗$")
                .containsPattern("(?m)^P31-4 +2563 +participantsTotal +40 +events UNAVAILABLE +✗$")
                .containsPattern("(?m)^P31-4 +2563 +certificatesAwarded +0 +events UNAVAILABLE +✗$")
                .containsPattern("(?m)^P31-4 +2563 +qualitySchools +40 +40 +✓$")
                .contains("3 of 16 figures of 2 reports are not as the file expects: 3 from a section of the "
                        + "report that is not OK.")
                .doesNotContain("null");
    }

    @Test
    void a_report_that_cannot_be_read_exits_6_with_the_gateway_s_answer() throws Exception {
        reports((esa, report) -> { });
        stand.on("GET /api/v1/esas/P51-1/report?fiscalYear=2563", 404, "{\"status\":404,\"detail\":\"no ESA P51-1\"}");

        int exit = run(file -> List.of(), "--check", "--check-wait", "0", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isEqualTo(6);
        assertThat(printed).containsPattern("(?m)^P51-1 +2563 +report +8 figures +unreadable +✗$")
                .contains("P51-1 2563: GET /api/v1/esas/P51-1/report?fiscalYear=2563 answered 404: no ESA P51-1",
                        "8 of 16 figures of 2 reports are not as the file expects: 8 of reports that could not be read.");
    }

    @Test
    void a_difference_that_is_right_on_a_later_attempt_exits_0_and_prints_the_table_once() throws Exception {
        reports((esa, report) -> { });
        ObjectNode settled = report(expected(1));
        ObjectNode before = settled.deepCopy().put("committed", "21700.00").put("spent", "0.00");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        stand.on("GET /api/v1/esas/P51-1/report?fiscalYear=2563", () -> new StandInGateway.Answer(200,
                (asked.incrementAndGet() < 3 ? before : settled).toString()));

        int exit = run(file -> List.of(), "--check", "--check-wait", "10", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isZero();
        assertThat(asked.get()).isEqualTo(3);
        assertThat(count(printed, "fiscalYear")).isEqualTo(1);
        assertThat(printed).containsPattern("(?m)^P51-1 +2563 +committed +0\\.00 +0\\.00 +✓$")
                .contains("All 16 figures of 2 reports are as the file expects.");
    }

    @Test
    void check_only_compares_the_reports_without_loading_anything() throws Exception {
        reports((esa, report) -> { });

        int exit = run(file -> {
            throw new IllegalStateException("nothing is loaded");
        }, "--check-only", seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isZero();
        assertThat(stand.seen()).containsExactlyInAnyOrder("GET /api/v1/esas/P31-4/report?fiscalYear=2563",
                "GET /api/v1/esas/P51-1/report?fiscalYear=2563");
        assertThat(printed).contains("All 16 figures of 2 reports are as the file expects.");
    }

    @Test
    void checking_is_refused_with_a_validation_only_or_a_dry_run() throws Exception {
        assertThat(run(file -> List.of(), "--check", "--validate-only", seed().toString())).isEqualTo(2);
        assertThat(run(file -> List.of(), "--check-only", "--dry-run", seed().toString())).isEqualTo(2);
        assertThat(run(file -> List.of(), "--check", "--check-wait", "-1", seed().toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--check-only");
        assertThat(stand.seen()).isEmpty();
    }

    @Test
    void the_help_lists_every_exit_code() {
        int exit = run(ImportCommand::sections, "--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit codes:", "1   some items failed",
                "4   stopped", "5   an unexpected error", "6   --check");
    }

    @Test
    void re_importing_the_seed_after_its_chair_school_was_withdrawn_exits_0_leaving_the_network_as_it_is_with_a_note()
            throws Exception {
        String chair = "31040001";
        registryAfterTheSeedWithdrawn(chair);

        int exit = run(ImportCommand::sections, seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isZero();
        assertThat(printed).containsPattern("(?m)^designations +0 +0 +71 +0$")
                .containsPattern("(?m)^networks +0 +0 +1 +0$")
                .containsPattern("(?m)^budget +0 +0 +2 +0$")
                .containsPattern("(?m)^activities +0 +0 +2 +0$")
                .contains("  $.networks[0] (P31-4): the file lists " + chair + " (its chair school), which the registry "
                        + "holds as a withdrawn quality school: the network is left as the registry has it; set it "
                        + "through the API (PUT /api/v1/esas/P31-4/network)\n");
        assertThat(stand.seen()).noneMatch(request -> request.startsWith("PUT ") || request.startsWith("POST "));
    }

    /**
     * The stand-in answers as the registry does after the seed was imported (its two budget rounds recorded, its two
     * activities reported, the symposium's funding committed and its cost spent by budget-service) and
     * {@code withdrawn}, P31-4's chair school, was withdrawn: no longer an active quality school nor in the network,
     * which has no chair; a network PUT listing it is refused as schools-service refuses it.
     */
    private void registryAfterTheSeedWithdrawn(String withdrawn) throws Exception {
        JsonNode seed = JSON.readTree(seed().toFile());
        BudgetStandIn budget = new BudgetStandIn();
        seed.get("budget").forEach(budget::holding);
        EventsStandIn events = new EventsStandIn().sagas(budget);
        seed.get("activities").forEach(activity -> events.holding(activity, "REPORTED"));
        stand.fallback(events, budget);
        ArrayNode esas = JSON.createArrayNode();
        seed.get("esas").forEach(esa -> esas.add(((ObjectNode) esa.deepCopy()).put("version", 1)));
        stand.on("GET /api/v1/esas?sort=code&size=500&page=0", 200, page(esas));
        for (JsonNode esa : seed.get("esas")) {
            String code = esa.get("code").asText();
            ArrayNode schools = JSON.createArrayNode();
            ArrayNode active = JSON.createArrayNode();
            ArrayNode withdrawnSchools = JSON.createArrayNode();
            for (JsonNode school : seed.get("schools")) {
                if (!school.get("esa").asText().equals(code)) {
                    continue;
                }
                boolean isWithdrawn = school.get("code").asText().equals(withdrawn);
                ObjectNode view = ((ObjectNode) school.deepCopy()).put("version", isWithdrawn ? 3 : 2)
                        .put("qualityStatus", isWithdrawn ? "WITHDRAWN" : "ACTIVE");
                schools.add(view);
                if (isWithdrawn) {
                    withdrawnSchools.add(view);
                } else {
                    active.addObject().put("school", school.get("code").asText())
                            .put("activeFrom", school.get("qualitySchool").get("designatedOn").asText());
                }
            }
            stand.on("GET /api/v1/schools?sort=code&esa=" + code + "&size=500&page=0", 200, page(schools));
            stand.on("GET /api/v1/quality-schools?esa=" + code + "&size=500&page=0", 200, page(active));
            stand.on("GET /api/v1/schools?esa=" + code + "&qualityStatus=WITHDRAWN&size=500&page=0", 200,
                    page(withdrawnSchools));
        }
        stand.on("GET /api/v1/schools/" + withdrawn + "/designations", 200, """
                [{"id": "d-1", "school": "%s", "esa": "P31-4", "tambonCode": "312104", "status": "WITHDRAWN",
                  "nominatedOn": "2019-06-01", "designatedOn": "2019-06-01", "activeFrom": "2019-06-01",
                  "withdrawnOn": "2020-10-15", "steps": []}]""".formatted(withdrawn));
        JsonNode listed = seed.get("networks").get(0);
        ObjectNode network = JSON.createObjectNode().put("esa", "P31-4").putNull("chairSchool").putNull("chairPerson");
        ArrayNode members = network.putArray("members");
        listed.get("members").forEach(member -> {
            if (!member.asText().equals(withdrawn)) {
                members.addObject().put("code", member.asText());
            }
        });
        stand.on("GET /api/v1/esas/P31-4/network", 200, network.toString());
        stand.on("PUT /api/v1/esas/P31-4/network", 422, "{\"status\":422,\"detail\":\"members[0]: " + withdrawn
                + " is not an active quality school (its status is WITHDRAWN)\",\"errors\":[{\"field\":\"members[0]\","
                + "\"message\":\"" + withdrawn + " is not an active quality school (its status is WITHDRAWN)\"}]}");
    }

    @Test
    void an_activity_waiting_for_budget_is_listed_as_waiting_for_budget_and_the_import_still_exits_0()
            throws Exception {
        stand.fallback(new EventsStandIn()); // budget-service does not answer
        Patience quick = new Patience(Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofMillis(20),
                Duration.ofMillis(100));

        int exit = run(file -> List.of(new ActivitySection(quick)), seed().toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + "\n" + err).isZero();
        assertThat(printed).containsPattern("(?m)^section +created +updated +unchanged +waiting +failed$")
                .containsPattern("(?m)^activities +1 +0 +0 +1 +0$")
                .contains("Waiting (1), not failed: run the same import again later to go on:\n"
                        + "  $.activities[1] (P51-1/p51-1-symposium-2563-09-28): created; waiting for budget: "
                        + "budget-service has not yet answered its request for 21700.00 baht (fiscal year 2563, "
                        + "round 2, line 1); import again later to take it on to REPORTED\n");
    }

    private static String page(ArrayNode items) {
        ObjectNode page = JSON.createObjectNode();
        page.set("items", items);
        return page.put("totalPages", 1).toString();
    }

    @Test
    void a_file_with_two_networks_for_one_esa_is_refused_with_exit_3_before_any_request() throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(seed().toFile());
        ((ArrayNode) file.get("networks")).add(file.get("networks").get(0).deepCopy());
        Path twice = work.resolve("two-networks.json");
        JSON.writeValue(twice.toFile(), file);

        int exit = run(ImportCommand::sections, twice.toString());

        assertThat(exit).as(out + "\n" + err).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("breaks 1 rule; nothing was written",
                "$.networks[1].esa: P31-4 is listed twice (first at $.networks[0])");
        assertThat(stand.seen()).isEmpty();
    }
}
