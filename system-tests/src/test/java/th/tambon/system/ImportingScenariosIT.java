package th.tambon.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import th.tambon.system.Importer.Run;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tambon-import} (importer/) run from its jar, as {@code bin/dev import} runs it, against the four services as
 * separate processes on a real broker and real databases; the gateway's rate limit is low, so the importer must meet
 * 429s and wait them out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportingScenariosIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUA_FAI = "โรงเรียนบ้านหัวฝาย";
    private static final String CHAIR = "ดร.จำปา จันทะสอน";

    private final Path root = Path.of(System.getProperty("tambon.root", "..")).toAbsolutePath().normalize();
    private final Path work = root.resolve("system-tests/target/importing");
    private final Path seed = root.resolve("importer/src/test/resources/scenarios/seed-2563.json");
    private final Path boundaries = root.resolve("system-tests/src/test/resources/scenarios/boundaries-2563.json");
    private Stack stack;
    private String kafka;
    private TestDatabase schoolsDb;
    private TestDatabase eventsDb;
    private TestDatabase budgetDb;
    private String gatewayUrl;
    private TestHttp gateway;
    private Importer importer;
    private Run first;

    @BeforeAll
    void start() throws IOException {
        Files.createDirectories(work);
        stack = Stack.start("importing", Map.of(
                // low enough that the importer meets it however slow the machine: the seed's 223 requests cannot pass
                // 10 a second without a 429 unless they take over 21 s (seen: 10 s on 2 loaded cores, 4 parallel)
                "GATEWAY_RATE_LIMIT_BURST", "10", "GATEWAY_RATE_LIMIT_PER_SECOND", "10"));
        kafka = stack.kafka();
        schoolsDb = stack.schoolsDb();
        eventsDb = stack.eventsDb();
        budgetDb = stack.budgetDb();
        gatewayUrl = stack.gatewayUrl();
        gateway = new TestHttp(gatewayUrl).as(TestTokens.viewer());
        importer = new Importer(root, gatewayUrl);
        first = importer.run("import", seed.toString());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void the_seed_loads_40_active_quality_schools_in_p31_4_and_31_in_p51_1_with_ban_hua_fai_chairing_the_network() {
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.row("esas")).containsExactly(2, 0, 0, 0);
        assertThat(first.row("schools")).containsExactly(71, 0, 0, 0);
        assertThat(first.row("designations")).containsExactly(71, 0, 0, 0);
        assertThat(first.row("networks")).containsExactly(1, 0, 0, 0);
        assertThat(first.row("budget")).containsExactly(2, 0, 0, 0);
        assertThat(first.output()).contains("expect         skipped: 2 entries").doesNotContain("budget         skipped");
        assertThat(first.output()).as("the low rate limit was met and waited out").containsPattern("tried again \\(.*429:\\d+");

        assertThat(read("/api/v1/quality-schools?esa=P31-4&fiscalYear=2563").json().get("totalItems").asInt())
                .isEqualTo(40);
        assertThat(read("/api/v1/quality-schools?esa=P51-1&fiscalYear=2563").json().get("totalItems").asInt())
                .isEqualTo(31);
        JsonNode network = read("/api/v1/esas/P31-4/network").json();
        assertThat(network.get("chairSchool").asText()).isEqualTo("31040001");
        assertThat(network.get("chairSchoolNameTh").asText()).isEqualTo(HUA_FAI);
        assertThat(network.get("chairPerson").asText()).isEqualTo(CHAIR);
        assertThat(network.get("members")).hasSize(40);
    }

    @Test
    @Order(1)
    void the_buriram_workshop_is_reported_with_its_40_directors_and_the_lamphun_symposium_funded_then_reported() {
        assertThat(first.row("activities")).as("both drafted and driven to REPORTED").containsExactly(2, 0, 0, 0);
        assertThat(first.waiting("activities")).as("budget-service answered and spent: nothing waits").isZero();

        JsonNode workshop = read("/api/v1/activities?esa=P31-4&ref=p31-4-workshop-2563-07-21").json()
                .get("items").get(0);
        assertThat(workshop.get("state").asText()).isEqualTo("REPORTED");
        JsonNode read = read("/api/v1/activities/" + workshop.get("id").asText()).json();
        assertThat(read.at("/participation/byRole/SCHOOL_DIRECTOR").asInt()).isEqualTo(40);
        assertThat(read.at("/participation/total").asInt()).isEqualTo(40);
        assertThat(read.get("type").asText()).isEqualTo("WORKSHOP");
        assertThat(read.get("venueSchool").asText()).isEqualTo("31040001");
        assertThat(read.get("start").asText()).isEqualTo("2020-07-21T09:00:00+07:00");
        assertThat(read.get("chair").asText()).isEqualTo(CHAIR);
        assertThat(read.get("academicYear").asInt()).isEqualTo(2563);
        assertThat(read.get("startsOnTh").asText()).isEqualTo("21 กรกฎาคม 2563");

        JsonNode symposium = read("/api/v1/activities/" + symposiumId()).json();
        assertThat(symposium.get("state").asText()).isEqualTo("REPORTED");
        assertThat(symposium.get("actualCost").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(symposium.at("/participation/total").asInt()).isEqualTo(104);
        assertThat(symposium.get("history").findValuesAsText("state")).as("its history")
                .containsSubsequence("FUNDING_REQUESTED", "FUNDED", "HELD", "REPORTED");
        JsonNode certificates = read("/api/v1/activities/" + symposiumId() + "/certificates?size=100").json()
                .get("items");
        assertThat(certificates).hasSize(31);
        List<Integer> numbers = new ArrayList<>();
        certificates.forEach(certificate -> {
            assertThat(certificate.get("esa").asText()).isEqualTo("P51-1");
            assertThat(certificate.get("academicYear").asInt()).isEqualTo(2563);
            numbers.add(certificate.get("number").asInt());
        });
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 31).boxed().toList());
    }

    @Test
    @Order(1)
    void p51_1_s_fiscal_year_2563_has_218_700_baht_allocated_21_700_spent_nothing_committed_and_197_000_remaining() {
        JsonNode first = read("/api/v1/fiscal-years/2563/esas/P51-1/rounds/1").json();
        JsonNode second = read("/api/v1/fiscal-years/2563/esas/P51-1/rounds/2").json();

        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("197000.00");
        assertThat(second.get("amount").decimalValue()).isEqualByComparingTo("21700.00");
        assertThat(first.get("allocated").decimalValue().add(second.get("allocated").decimalValue()))
                .isEqualByComparingTo("218700.00");
        assertThat(first.get("lines").get(0).get("category").asText()).isEqualTo("OPERATING");
        assertThat(first.get("remaining").decimalValue()).isEqualByComparingTo("197000.00");
        assertThat(first.get("committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(first.get("spent").decimalValue()).isEqualByComparingTo("0.00");
        JsonNode symposiumLine = second.get("lines").get(0);
        assertThat(symposiumLine.get("spent").decimalValue()).as("the symposium's actual cost")
                .isEqualByComparingTo("21700.00");
        assertThat(symposiumLine.get("committed").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(symposiumLine.get("remaining").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(first.get("remaining").decimalValue().add(second.get("remaining").decimalValue()))
                .as("the year's remaining").isEqualByComparingTo("197000.00");
        JsonNode saga = read("/api/v1/funding-sagas/" + symposiumId()).json();
        assertThat(saga.get("state").asText()).isEqualTo("SPENT");
        assertThat(saga.get("steps").findValuesAsText("step")).containsSubsequence("COMMITTED", "SPENT");
    }

    private String symposiumId() {
        return read("/api/v1/activities?esa=P51-1&ref=p51-1-symposium-2563-09-28").json().get("items").get(0)
                .get("id").asText();
    }

    @Test
    @Order(2)
    void importing_the_seed_again_creates_nothing_and_publishes_nothing() {
        long outbox = drainedOutbox();
        long onTopic = recordsOn("schools.v1");
        long activityOutbox = drainedOutbox(eventsDb);
        long onEvents = recordsOn("events.v1");
        long budgetOutbox = drainedOutbox(budgetDb);
        long onBudget = recordsOn("budget.v1");
        long ledger = budgetDb.queryLong("SELECT count(*) FROM ledger_entry");

        Run second = importer.run("import", seed.toString());

        assertThat(second.exit()).as(second.output()).isZero();
        assertThat(second.row("esas")).containsExactly(0, 0, 2, 0);
        assertThat(second.row("schools")).containsExactly(0, 0, 71, 0);
        assertThat(second.row("designations")).containsExactly(0, 0, 71, 0);
        assertThat(second.row("networks")).containsExactly(0, 0, 1, 0);
        assertThat(second.row("budget")).containsExactly(0, 0, 2, 0);
        assertThat(second.row("activities")).containsExactly(0, 0, 2, 0);
        assertThat(second.waiting("activities")).isZero();
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(recordsOn("schools.v1")).isEqualTo(onTopic);
        assertThat(eventsDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(activityOutbox);
        assertThat(recordsOn("events.v1")).isEqualTo(onEvents);
        assertThat(budgetDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(budgetOutbox);
        assertThat(recordsOn("budget.v1")).isEqualTo(onBudget);
        assertThat(budgetDb.queryLong("SELECT count(*) FROM ledger_entry")).isEqualTo(ledger);
    }

    @Test
    @Order(3)
    void thai_text_with_tone_marks_round_trips_byte_for_byte_through_the_api_postgresql_kafka_and_both_replicas()
            throws Exception {
        byte[] name = HUA_FAI.getBytes(StandardCharsets.UTF_8);
        byte[] director = CHAIR.getBytes(StandardCharsets.UTF_8);

        JsonNode api = read("/api/v1/schools/31040001").json();
        assertThat(api.get("nameTh").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(name);
        assertThat(api.get("director").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(director);

        try (Connection connection = schoolsDb.connect();
             PreparedStatement select = connection.prepareStatement("SELECT name_th, director FROM school WHERE code = ?")) {
            select.setString(1, "31040001");
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("name_th")).isEqualTo(name);
                assertThat(row.getBytes("director")).isEqualTo(director);
            }
        }

        try (KafkaProbe probe = KafkaProbe.fromBeginning(kafka, "schools.v1")) {
            byte[] value = probe.await(r -> "31040001".equals(r.key())
                    && "th.tambon.school.registered.v1".equals(KafkaProbe.header(r, "ce_type")), Duration.ofSeconds(20)).value();
            assertThat(indexOf(value, name)).as("the school's name, as UTF-8 in the record").isNotNegative();
            assertThat(indexOf(value, director)).as("its director, as UTF-8 in the record").isNotNegative();
        }

        for (String replica : List.of("/api/v1/events/replicas/schools/31040001", "/api/v1/budget/replicas/schools/31040001")) {
            Eventually.await(Duration.ofSeconds(20), () -> assertThat(read(replica).status()).isEqualTo(200));
            JsonNode copy = read(replica).json();
            assertThat(copy.get("nameTh").asText().getBytes(StandardCharsets.UTF_8)).as(replica).isEqualTo(name);
            assertThat(copy.get("director").asText().getBytes(StandardCharsets.UTF_8)).as(replica).isEqualTo(director);
        }
        for (TestDatabase replica : List.of(eventsDb, budgetDb)) {
            Eventually.await(Duration.ofSeconds(20), () -> assertThat(replica.queryLong(
                    "SELECT count(*) FROM schools_replica.school WHERE code = '31040001' AND quality_status = 'ACTIVE'"))
                    .isEqualTo(1));
            try (Connection connection = replica.connect();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT name_th, director FROM schools_replica.school WHERE code = '31040001'");
                 ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("name_th")).as(replica.name()).isEqualTo(name);
                assertThat(row.getBytes("director")).as(replica.name()).isEqualTo(director);
            }
        }

        String q = URLEncoder.encode("หัวฝาย", StandardCharsets.UTF_8);
        JsonNode found = read("/api/v1/schools?q=" + q).json();
        assertThat(found.get("items").findValuesAsText("code")).containsExactly("31040001");
    }

    @Test
    @Order(4)
    void a_file_with_three_different_mistakes_is_rejected_listing_all_three_and_nothing_is_written() throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(seed.toFile());
        ((ObjectNode) file.get("esas").get(1)).put("zone", 0);
        ((ObjectNode) file.get("schools").get(3)).put("tambonCode", "512104").put("director", "ผอ.ใหม่");
        ((ArrayNode) file.get("networks").get(0).get("members")).add("31949999");
        ((ArrayNode) file.get("esas")).addObject().put("code", "P50-1").put("kind", "PRIMARY").put("zone", 1)
                .put("provinceCode", "50").put("province", "เชียงใหม่").put("nameTh", "สพป.เชียงใหม่ เขต 1")
                .put("nameEn", "Chiang Mai Primary ESA 1");
        Path bad = work.resolve("three-mistakes.json");
        JSON.writeValue(bad.toFile(), file);
        long outbox = drainedOutbox();

        Run rejected = importer.run("import", bad.toString());

        assertThat(rejected.exit()).as(rejected.output()).isEqualTo(3);
        assertThat(rejected.output()).contains("breaks 3 rules; nothing was written",
                "$.esas[1].zone: must be a whole number from 1 to 99",
                "$.schools[3].tambonCode: tambon 512104 is not in province 31 that P31-4 serves",
                "$.networks[0].members[40]: school 31949999 is not among the file's schools");
        assertThat(read("/api/v1/esas/P50-1").status()).as("the valid new ESA was not written either").isEqualTo(404);
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    @Order(5)
    void a_changed_director_is_shown_by_a_dry_run_then_updated_alone_keeping_what_the_file_does_not_mention()
            throws Exception {
        TestHttp admin = new TestHttp(gatewayUrl).as(TestTokens.admin());
        JsonNode before = admin.get("/api/v1/schools/31940002").json();
        ObjectNode withSize = before.deepCopy();
        withSize.put("students", 212).put("nameEn", "Ban Nong School");
        withSize.remove(List.of("code", "esa", "tambonCode", "qualityStatus", "registeredAt", "updatedAt", "version"));
        assertThat(admin.put("/api/v1/schools/31940002", withSize.toString()).status()).isEqualTo(200);
        ObjectNode file = (ObjectNode) JSON.readTree(seed.toFile());
        ((ObjectNode) file.get("schools").get(1)).put("director", "นางสาวมาลี ศรีสุข");
        Path changed = work.resolve("new-director.json");
        JSON.writeValue(changed.toFile(), file);
        long outbox = drainedOutbox();

        Run dryRun = importer.run("import", "--dry-run", changed.toString());

        assertThat(dryRun.exit()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("Dry run: nothing was written");
        assertThat(dryRun.row("schools")).containsExactly(0, 1, 70, 0);
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);

        Run update = importer.run("import", changed.toString());

        assertThat(update.exit()).as(update.output()).isZero();
        assertThat(update.row("schools")).containsExactly(0, 1, 70, 0);
        assertThat(update.row("designations")).containsExactly(0, 0, 71, 0);
        JsonNode after = admin.get("/api/v1/schools/31940002").json();
        assertThat(after.get("director").asText()).isEqualTo("นางสาวมาลี ศรีสุข");
        assertThat(after.get("students").asInt()).as("kept: the file does not mention it").isEqualTo(212);
        assertThat(after.get("nameEn").asText()).isEqualTo("Ban Nong School");
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox + 1);
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message WHERE id > 0 "
                + "AND event_type = 'th.tambon.school.updated.v1' AND message_key = '31940002'")).isEqualTo(2);
    }

    @Test
    @Order(6)
    void an_import_killed_halfway_resumes_when_run_again_and_loads_each_school_once() throws Exception {
        Path generated = work.resolve("generated-300.json");
        Run generate = importer.run("generate", "--schools", "300", "--out", generated.toString());
        assertThat(generate.exit()).as(generate.output()).isZero();

        Process killed = importer.start("import", generated.toString());
        Eventually.await(Duration.ofSeconds(60), () -> assertThat(
                schoolsDb.queryLong("SELECT count(*) FROM school WHERE esa IN ('P10-71', 'P11-71')")).isGreaterThanOrEqualTo(40));
        killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long loadedBeforeTheCrash = settledCount("SELECT count(*) FROM school WHERE esa IN ('P10-71', 'P11-71')");
        assertThat(loadedBeforeTheCrash).as("killed halfway").isBetween(40L, 299L);

        Run resumed = importer.run("import", generated.toString());

        assertThat(resumed.exit()).as(resumed.output()).isZero();
        int[] schools = resumed.row("schools");
        assertThat(schools[2]).as("already there").isEqualTo((int) loadedBeforeTheCrash);
        assertThat(schools[0] + schools[2]).isEqualTo(300);
        assertThat(schools[3]).isZero();
        assertThat(resumed.row("designations")[3]).isZero();
        assertThat(resumed.row("networks")[3]).isZero();
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM school WHERE esa IN ('P10-71', 'P11-71')")).isEqualTo(300);
        assertThat(schoolsDb.queryLong("SELECT count(*) FROM messaging.outbox_message WHERE event_type = "
                + "'th.tambon.school.registered.v1' AND (message_key LIKE '1071%' OR message_key LIKE '1171%')"))
                .as("each generated school (SMIS 1071xxxx, 1171xxxx) registered once").isEqualTo(300);
        Run third = importer.run("import", generated.toString());
        int quality = JSON.readTree(generated.toFile()).get("schools").findValues("qualitySchool").size();
        assertThat(third.row("schools")).containsExactly(0, 0, 300, 0);
        assertThat(third.row("designations")).containsExactly(0, 0, quality, 0);
        assertThat(third.row("networks")).containsExactly(0, 0, 2, 0);
    }

    @Test
    @Order(7)
    void the_seed_imported_with_check_has_every_expected_figure_in_the_gateway_s_esa_reports() {
        Run checked = importer.run("import", "--check", seed.toString());

        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("All 16 figures of 2 reports are as the file expects.");
        assertThat(checked.figure("P51-1", 2563, "allocated")).isEqualTo("218700.00");
        assertThat(checked.figure("P51-1", 2563, "spent")).isEqualTo("21700.00");
        assertThat(checked.figure("P51-1", 2563, "remaining")).isEqualTo("197000.00");
        assertThat(checked.figure("P51-1", 2563, "participantsTotal")).isEqualTo("104");
        assertThat(checked.figure("P51-1", 2563, "certificatesAwarded")).isEqualTo("31");
        assertThat(checked.figure("P31-4", 2563, "qualitySchools")).isEqualTo("40");
        assertThat(checked.figure("P31-4", 2563, "activitiesHeld")).isEqualTo("1");
        assertThat(checked.figure("P31-4", 2563, "participantsTotal")).isEqualTo("40");
    }

    @Test
    @Order(8)
    void the_boundaries_scenario_commits_its_fair_while_planned_then_imported_with_check_releases_it_and_matches_every_figure()
            throws Exception {
        ObjectNode planned = (ObjectNode) JSON.readTree(boundaries.toFile());
        ObjectNode fair = activity(planned, "s42-1-fair-2564-06-15");
        fair.put("outcome", "PLANNED").remove("reason");
        ObjectNode year2564 = (ObjectNode) planned.get("expect").get(1);
        assertThat(year2564.get("fiscalYear").asInt()).isEqualTo(2564);
        year2564.put("committed", "32500.00").put("remaining", "97500.00");
        Path stillPlanned = work.resolve("boundaries-fair-planned.json");
        JSON.writeValue(stillPlanned.toFile(), planned);

        Run first = importer.run("import", "--check", stillPlanned.toString());

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.row("activities")).containsExactly(6, 0, 0, 0);
        assertThat(first.figure("S42-1", 2564, "committed")).as("12500.00 + 20000.00").isEqualTo("32500.00");
        String fairId = activityId("S42-1", "s42-1-fair-2564-06-15");
        assertThat(read("/api/v1/funding-sagas/" + fairId).json().get("state").asText()).isEqualTo("COMMITTED");

        Run checked = importer.run("import", "--check", boundaries.toString());

        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("All 16 figures of 2 reports are as the file expects.");
        assertThat(checked.figure("S42-1", 2564, "committed")).isEqualTo("12500.00");
        assertThat(checked.figure("S42-1", 2563, "remaining")).isEqualTo("117549.50");
        JsonNode cancelled = read("/api/v1/activities/" + fairId).json();
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        JsonNode released = read("/api/v1/funding-sagas/" + fairId).json();
        assertThat(released.get("state").asText()).isEqualTo("RELEASED");
        assertThat(released.get("steps").findValuesAsText("step")).containsSubsequence("COMMITTED", "RELEASED");
        JsonNode refused = read("/api/v1/activities/" + activityId("S42-1", "s42-1-study-visit-2564-02-10")).json();
        assertThat(refused.get("state").asText()).isEqualTo("FUNDING_REJECTED");
        assertThat(read("/api/v1/funding-sagas/" + refused.get("id").asText()).json().get("state").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    @Order(9)
    void s42_1_s_report_counts_the_camp_of_30_september_in_2563_the_dawn_meeting_of_1_october_in_2564_and_the_camp_line_s_remainder() {
        JsonNode y2563 = read("/api/v1/esas/S42-1/report?fiscalYear=2563").json();
        assertThat(y2563.get("sections").properties()).as(y2563.toString()).isNotEmpty()
                .allSatisfy(section -> assertThat(section.getValue().asText()).isEqualTo("OK"));
        assertThat(y2563.get("qualitySchools").asLong()).as("designated 2019-06-01 and 2020-09-30").isEqualTo(2);
        assertThat(y2563.get("activitiesHeld").asLong()).isEqualTo(1);
        assertThat(y2563.get("participantsTotal").asLong()).isEqualTo(30);
        assertThat(y2563.get("certificatesAwarded").asLong()).isEqualTo(3);
        assertThat(y2563.get("allocated").asText()).isEqualTo("150000.00");
        assertThat(y2563.get("committed").asText()).isEqualTo("0.00");
        assertThat(y2563.get("spent").asText()).isEqualTo("32450.50");
        assertThat(y2563.get("remaining").asText()).isEqualTo("117549.50");
        assertThat(month(y2563, "2020-09")).isEqualTo(1);
        JsonNode campLine = y2563.at("/budget/rounds/0/lines/0/money");
        assertThat(campLine.get("spent").asText()).isEqualTo("32450.50");
        assertThat(campLine.get("remaining").asText()).as("100000.00 - 32450.50").isEqualTo("67549.50");

        JsonNode y2564 = read("/api/v1/esas/S42-1/report?fiscalYear=2564").json();
        assertThat(y2564.get("sections").properties()).as(y2564.toString()).isNotEmpty()
                .allSatisfy(section -> assertThat(section.getValue().asText()).isEqualTo("OK"));
        assertThat(y2564.get("qualitySchools").asLong()).as("and the one designated 2020-10-01").isEqualTo(3);
        assertThat(y2564.get("activitiesHeld").asLong()).isEqualTo(2);
        assertThat(month(y2564, "2020-10")).as("06:30 in Bangkok on 1 October 2020 is 30 September in UTC")
                .isEqualTo(1);
        assertThat(month(y2564, "2021-01")).isEqualTo(1);
        assertThat(y2564.get("committed").asText()).isEqualTo("12500.00");
        assertThat(y2564.at("/budget/rounds/0/lines/1/money/remaining").asText()).as("the refused study visit's line")
                .isEqualTo("40000.00");
    }

    private static ObjectNode activity(ObjectNode scenario, String ref) {
        for (JsonNode activity : scenario.get("activities")) {
            if (activity.get("ref").asText().equals(ref)) {
                return (ObjectNode) activity;
            }
        }
        throw new AssertionError("no activity " + ref + " in the scenario");
    }

    private String activityId(String esa, String ref) {
        JsonNode items = read("/api/v1/activities?esa=" + esa + "&ref=" + ref).json().get("items");
        assertThat(items).as(esa + "/" + ref).hasSize(1);
        return items.get(0).get("id").asText();
    }

    private static long month(JsonNode report, String month) {
        for (JsonNode held : report.at("/activities/heldByMonth")) {
            if (held.get("month").asText().equals(month)) {
                return held.get("held").asLong();
            }
        }
        throw new AssertionError("no month " + month + " in " + report.at("/activities/heldByMonth"));
    }

    /** Waits until the schools-service has published everything it wrote, then counts what it wrote. */
    private long drainedOutbox() {
        return drainedOutbox(schoolsDb);
    }

    /** Waits until the service of {@code database} has published everything it wrote, then counts what it wrote. */
    private static long drainedOutbox(TestDatabase database) {
        Eventually.await(Duration.ofSeconds(30), () -> assertThat(
                database.queryLong("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL")).isZero());
        return database.queryLong("SELECT count(*) FROM messaging.outbox_message");
    }

    /** The count once it has stopped changing (a request the server was serving when its client died may still commit). */
    private long settledCount(String sql) throws InterruptedException {
        long count = schoolsDb.queryLong(sql);
        for (int quiet = 0; quiet < 5; ) {
            Thread.sleep(200);
            long now = schoolsDb.queryLong(sql);
            quiet = now == count ? quiet + 1 : 0;
            count = now;
        }
        return count;
    }

    private long recordsOn(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new AssertionError("Could not read the end offsets of " + topic, e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A GET through the gateway as a viewer. The gateway's rate limit is low on purpose (the importer must meet it),
     * and the importer's last polls may have spent the bucket: a 429 is waited out as its Retry-After says.
     */
    private TestHttp.Response read(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            TestHttp.Response response = gateway.get(path);
            if (response.status() != 429 || System.nanoTime() > deadline) {
                return response;
            }
            String retryAfter = response.header("Retry-After");
            try {
                Thread.sleep(retryAfter == null ? 200 : Math.max(100, Long.parseLong(retryAfter.trim()) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }
}
