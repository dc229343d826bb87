package th.tambon.events.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.Topics;
import th.tambon.events.Activities;
import th.tambon.replica.schools.SchoolsFeed;
import th.tambon.events.certificate.infrastructure.PdfPages;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.service.Bangkok;
import th.tambon.http.ThaiDates;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates (เกียรติบัตร) awarded at held activities through events-service's HTTP API: numbered per ESA and
 * academic year without gaps under concurrent awards, printed as PDF with a QR code of their public lookup, looked up
 * without a token, revoked with a reason, announced on events.v1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwardingCertificatesTest {
    private static final String PUBLIC_URL = "https://tambon.example.go.th";
    private static final String AWARDED = "th.tambon.certificate.awarded.v1";
    private static final String REVOKED = "th.tambon.certificate.revoked.v1";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;
    private TestHttp buriram;
    private TestHttp lamphun;
    private TestHttp anonymous;

    @BeforeAll
    void start() {
        server = infra.startService(Map.of("tambon.events.public-url", PUBLIC_URL + "/",
                "tambon.events.verification.rate-limit.burst", 10_000));
        SchoolsFeed feed = new SchoolsFeed(infra.kafkaBootstrapServers(), server);
        feed.seedBuriramAndLamphun();
        // the 31 quality schools at Lamphun's symposium: 51910001 and thirty more
        IntStream.rangeClosed(2, 31).forEach(n -> feed.school("519100" + String.format("%02d", n),
                "โรงเรียนลำพูนที่ " + n, "P51-1", "ลำพูน", "5101" + String.format("%02d", n)));
        TestHttp admin = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        Eventually.await(Duration.ofSeconds(30), () -> assertThat(admin.get("/api/v1/replicas/schools?esa=P51-1")
                .json().get("totalItems").asInt()).isEqualTo(31));
        buriram = CertificateFixtures.officer(server, "P31-4");
        lamphun = CertificateFixtures.officer(server, "P51-1");
        anonymous = new TestHttp(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thirty_one_schools_awarded_at_once_at_three_activities_of_an_esa_get_the_numbers_1_to_31_without_a_gap_or_a_duplicate()
            throws Exception {
        // the only certificates of P51-1 in 2563 in this class: its counter starts here. Three activities, so that the
        // awards do not merely take turns on one activity's row: the numbers are the ESA's and the year's
        List<String> activities = List.of(
                CertificateFixtures.held(lamphun, infra.database(), Activities.lamphunSymposium("symposium-31"), 2563),
                CertificateFixtures.held(lamphun, infra.database(), Activities.with(
                        Activities.lamphunSymposium("plc-31"), "type", "PLC"), 2563),
                CertificateFixtures.held(lamphun, infra.database(), Activities.with(
                        Activities.lamphunSymposium("visit-31"), "type", "SUPERVISION_VISIT"), 2563));
        String symposium = activities.get(0);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(31);
        List<Future<TestHttp.Response>> awards = new ArrayList<>();
        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            for (int n = 1; n <= 31; n++) {
                String school = "519100" + String.format("%02d", n);
                String activity = activities.get((n - 1) % 3);
                awards.add(pool.submit(() -> {
                    go.await();
                    return lamphun.post("/api/v1/activities/" + activity + "/certificates",
                            TestHttp.json(Map.of("school", school)));
                }));
            }
            go.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<TestHttp.Response> award : awards) {
                TestHttp.Response response = award.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                JsonNode certificate = response.json();
                assertThat(certificate.get("printedNumber").asText())
                        .isEqualTo("ที่ " + certificate.get("number").asInt() + "/2563");
                numbers.add(certificate.get("number").asInt());
            }

            assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 31).boxed().toList());
            assertThat(count("SELECT last_number FROM certificate_counter WHERE esa = 'P51-1' AND academic_year = 2563"))
                    .isEqualTo(31);
            JsonNode list = lamphun.get("/api/v1/activities/" + symposium + "/certificates?size=100").json();
            assertThat(list.get("totalItems").asInt()).isEqualTo(11);
            List<Integer> listed = list.get("items").findValues("number").stream().map(JsonNode::asInt).toList();
            assertThat(listed).isSorted();
            Eventually.await(Duration.ofSeconds(20), () -> assertThat(events.records(Duration.ofMillis(100)).stream()
                    .filter(r -> AWARDED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)))
                    .map(r -> TestHttp.parse(KafkaProbe.value(r)))
                    .filter(e -> activities.contains(e.get("activity").asText()))
                    .map(e -> e.get("number").asInt() + "@" + e.get("version").asInt()).toList())
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 31).mapToObj(n -> n + "@1").toList()));

            CertificateFixtures.Pdf all = CertificateFixtures.pdf(server, "/api/v1/activities/" + symposium
                    + "/certificates/pdf", TestTokens.viewer());
            assertThat(all.status()).isEqualTo(200);
            PdfPages pages = PdfPages.of(all.bytes());
            assertThat(pages.count()).isEqualTo(11);
            assertThat(pages.runs(11)).contains("ที่ " + listed.get(10) + "/2563");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_certificates_pdf_names_its_number_school_office_chair_and_thai_date_and_its_qr_opens_its_public_page() {
        String id = CertificateFixtures.held(buriram, infra.database(), Activities.buriramWorkshop("workshop-pdf"),
                2563);
        JsonNode certificate = award(buriram, id, Map.of("school", "31040001"));
        String code = certificate.get("verificationCode").asText().replace("-", "");

        CertificateFixtures.Pdf pdf = CertificateFixtures.pdf(server, "/api/v1/certificates/"
                + certificate.get("id").asText() + "/pdf", TestTokens.director("31040001"));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        PdfPages page = PdfPages.of(pdf.bytes());
        assertThat(page.count()).isEqualTo(1);
        assertThat(page.text(1)).contains(certificate.get("printedNumber").asText(), "โรงเรียนบ้านหัวฝาย",
                "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4", "ดร.จำปา จันทะสอน",
                "ให้ไว้ ณ วันที่ 21 กรกฎาคม พ.ศ. 2563");
        String qr = page.qrCode(1);
        assertThat(qr).isEqualTo(PUBLIC_URL + "/verify/" + code);
        assertThat(certificate.get("verificationUrl").asText()).isEqualTo(qr);
        TestHttp.Response opened = anonymous.get(URI.create(qr).getPath(), Map.of("Accept", "text/html"));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("เกียรติบัตรนี้ถูกต้อง", "โรงเรียนบ้านหัวฝาย");
    }

    @Test
    void a_school_of_another_esa_is_a_422_and_a_second_certificate_for_a_school_or_a_name_a_409_storing_and_publishing_nothing() {
        String id = CertificateFixtures.held(buriram, infra.database(), Activities.buriramWorkshop("workshop-twice"),
                2563);
        JsonNode first = award(buriram, id, Map.of("school", "31040001"));
        award(buriram, id, Map.of("person", "นายสมชาย ใจดี", "personTitle", "ศึกษานิเทศก์"));
        long certificates = count("SELECT count(*) FROM certificate");
        long numbers = count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response otherEsa = buriram.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("school", "51910001")));
        TestHttp.Response twice = buriram.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("school", "31040001")));
        TestHttp.Response sameName = buriram.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("person", "  นายสมชาย   ใจดี ")));

        assertThat(otherEsa.status()).isEqualTo(422);
        assertThat(otherEsa.contentType()).startsWith("application/problem+json");
        assertThat(otherEsa.json().get("errors").get(0).get("field").asText()).isEqualTo("school");
        assertThat(otherEsa.json().get("detail").asText()).contains("belongs to P51-1, not to P31-4");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("school");
        assertThat(twice.json().get("detail").asText()).contains(first.get("printedNumber").asText());
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().get("errors").get(0).get("field").asText()).isEqualTo("person");
        assertThat(count("SELECT count(*) FROM certificate")).isEqualTo(certificates);
        assertThat(count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter")).isEqualTo(numbers);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
    }

    @Test
    void a_certificate_is_looked_up_as_valid_without_a_token_and_as_revoked_on_its_day_once_revoked() {
        String id = CertificateFixtures.held(buriram, infra.database(), Activities.buriramWorkshop("workshop-verify"),
                2563);
        JsonNode certificate = award(buriram, id, Map.of("person", "นางสาวญาณิศา ฤทธิ์ฐิติกำจร",
                "personTitle", "ครูโรงเรียนบ้านหัวฝาย"));
        String certificateId = certificate.get("id").asText();
        String printed = certificate.get("verificationCode").asText();
        String code = printed.replace("-", "");
        assertThat(code).matches("[A-Z2-7]{32}");

        JsonNode valid = anonymous.get("/api/v1/certificates/verify/" + code).json();
        assertThat(valid.get("status").asText()).isEqualTo("VALID");
        assertThat(valid.get("number").asText()).isEqualTo(certificate.get("printedNumber").asText());
        assertThat(valid.get("recipient").asText()).isEqualTo("นางสาวญาณิศา ฤทธิ์ฐิติกำจร");
        assertThat(valid.get("activity").asText()).startsWith("ประชุมปฏิบัติการขับเคลื่อนโรงเรียนคุณภาพประจำตำบล");
        assertThat(valid.get("esa").asText()).isEqualTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4");
        assertThat(valid.get("givenOnTh").asText()).isEqualTo("21 กรกฎาคม 2563");
        assertThat(valid.get("chair").asText()).isEqualTo("ดร.จำปา จันทะสอน");
        assertThat(valid.hasNonNull("revokedOn")).isFalse();
        assertThat(valid.has("verificationCode")).isFalse();
        assertThat(anonymous.get("/api/v1/certificates/verify/" + printed.toLowerCase()).json().get("status")
                .asText()).isEqualTo("VALID");
        assertThat(anonymous.get("/verify/" + code, Map.of("Accept", "text/html")).body())
                .contains("เกียรติบัตรนี้ถูกต้อง").doesNotContain("ยกเลิก");

        try (KafkaProbe events = KafkaProbe.fromNow(infra.kafkaBootstrapServers(), Topics.EVENTS_V1)) {
            TestHttp.Response revoked = buriram.withHeader("If-Match", "\"1\"").post("/api/v1/certificates/"
                    + certificateId + "/revocation", TestHttp.json(Map.of("reason", "ชื่อสะกดผิด")));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.header("ETag")).isEqualTo("\"2\"");
            ConsumerRecord<String, byte[]> event = events.await(r -> certificateId.equals(r.key())
                    && REVOKED.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)), Duration.ofSeconds(20));
            assertThat(TestHttp.parse(KafkaProbe.value(event)).get("version").asLong()).isEqualTo(2);
        }

        LocalDate today = LocalDate.now(Bangkok.ZONE);
        JsonNode revoked = anonymous.get("/api/v1/certificates/verify/" + code).json();
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokedOn").asText()).isEqualTo(today.toString());
        assertThat(revoked.has("reason")).isFalse();
        assertThat(anonymous.get("/verify/" + code, Map.of("Accept", "text/html")).body())
                .contains("เกียรติบัตรนี้ถูกยกเลิกแล้ว เมื่อวันที่ " + ThaiDates.format(today));
        TestHttp.Response again = buriram.post("/api/v1/certificates/" + certificateId + "/revocation",
                TestHttp.json(Map.of("reason", "อีกครั้ง")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("revocation");
        assertThat(PdfPages.of(CertificateFixtures.pdf(server, "/api/v1/certificates/" + certificateId + "/pdf",
                TestTokens.viewer()).bytes()).runs(1)).contains("ยกเลิกแล้ว");
    }

    @Test
    void an_unknown_code_is_a_404_problem_and_a_thai_page_to_a_browser() {
        TestHttp.Response json = anonymous.get("/api/v1/certificates/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        TestHttp.Response notACode = anonymous.get("/api/v1/certificates/verify/%3Cscript%3E");
        TestHttp.Response page = anonymous.get("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Map.of("Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8"));
        TestHttp.Response pageToAClient = anonymous.get("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(notACode.status()).isEqualTo(404);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("ไม่พบเกียรติบัตร");
        assertThat(pageToAClient.status()).isEqualTo(404);
        assertThat(pageToAClient.contentType()).startsWith("application/problem+json");
    }

    @Test
    void only_the_lookup_answers_without_a_token_and_only_the_esas_officers_award_and_revoke() {
        String id = CertificateFixtures.held(buriram, infra.database(), Activities.buriramWorkshop("workshop-guarded"),
                2563);
        JsonNode certificate = award(buriram, id, Map.of("school", "31040001"));
        String certificateId = certificate.get("id").asText();
        String code = certificate.get("verificationCode").asText();

        assertThat(anonymous.get("/api/v1/certificates/verify/" + code).status()).isEqualTo(200);
        assertThat(anonymous.get("/verify/" + code).status()).isEqualTo(200);
        for (String path : List.of("/api/v1/certificates/" + certificateId, "/api/v1/certificates/" + certificateId
                + "/pdf", "/api/v1/activities/" + id + "/certificates", "/api/v1/activities/" + id
                + "/certificates/pdf")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("school", "31040001"))).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/certificates/" + certificateId + "/revocation",
                TestHttp.json(Map.of("reason", "x"))).status()).isEqualTo(401);
        assertThat(lamphun.post("/api/v1/certificates/" + certificateId + "/revocation",
                TestHttp.json(Map.of("reason", "x"))).status()).isEqualTo(403);
        assertThat(lamphun.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("person", "นายสมชาย ใจดี"))).status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.director("51910001")).get("/api/v1/certificates/" + certificateId)
                .status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.viewer()).get("/api/v1/certificates/" + certificateId).status())
                .isEqualTo(200);
    }

    @Test
    void a_certificate_that_could_not_be_printed_is_refused_naming_the_field_and_takes_no_number() {
        String id = CertificateFixtures.held(buriram, infra.database(), Activities.with(
                Activities.buriramWorkshop("workshop-long-title"), "chairTitle", "ผู้อำนวยการ".repeat(27)), 2563);
        long numbers = count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter");
        long outbox = count("SELECT count(*) FROM messaging.outbox_message");

        TestHttp.Response refused = buriram.post("/api/v1/activities/" + id + "/certificates",
                TestHttp.json(Map.of("school", "31040001")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("chairTitle");
        assertThat(count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter")).isEqualTo(numbers);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(outbox);
        assertThat(count("SELECT count(*) FROM certificate WHERE activity = '" + id + "'")).isZero();
    }

    @Test
    void no_certificate_is_awarded_before_the_activity_is_held_or_while_it_has_no_academic_year() {
        TestHttp.Response drafted = buriram.post("/api/v1/activities",
                TestHttp.json(Activities.buriramWorkshop("workshop-draft-award")));
        String draft = drafted.json().get("id").asText();
        String withoutYear = CertificateFixtures.held(buriram, infra.database(),
                Activities.buriramWorkshop("workshop-no-year"), null);
        long numbers = count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter");

        TestHttp.Response early = buriram.post("/api/v1/activities/" + draft + "/certificates",
                TestHttp.json(Map.of("school", "31040001")));
        TestHttp.Response noYear = buriram.post("/api/v1/activities/" + withoutYear + "/certificates",
                TestHttp.json(Map.of("school", "31040001")));
        TestHttp.Response both = buriram.post("/api/v1/activities/" + withoutYear + "/certificates",
                TestHttp.json(Map.of("school", "31040001", "person", "นายสมชาย ใจดี")));

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
        assertThat(noYear.status()).isEqualTo(409);
        assertThat(noYear.json().get("errors").get(0).get("field").asText()).isEqualTo("academicYear");
        assertThat(noYear.json().get("detail").asText()).contains("academic calendar had not reached events-service");
        assertThat(both.status()).isEqualTo(422);
        assertThat(count("SELECT coalesce(sum(last_number), 0) FROM certificate_counter")).isEqualTo(numbers);
    }

    private static JsonNode award(TestHttp as, String activity, Map<String, Object> body) {
        TestHttp.Response awarded = as.post("/api/v1/activities/" + activity + "/certificates", TestHttp.json(body));
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(201);
        assertThat(awarded.header("ETag")).isEqualTo("\"1\"");
        return awarded.json();
    }

    private static long count(String sql) {
        return infra.database().queryLong(sql);
    }
}
