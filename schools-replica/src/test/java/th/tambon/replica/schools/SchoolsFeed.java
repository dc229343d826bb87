package th.tambon.replica.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.KafkaProbe;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What schools-service would publish, sent to schools.v1 with a real producer, so that a service's replica (events-service's, budget-service's) knows
 * the academic calendar and the ESAs and schools a test's activities name: Buriram 4 (P31-4) with Ban Hua Fai
 * (31040001), Lamphun 1 (P51-1) with 51910001.
 */
public final class SchoolsFeed {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final EmbeddedServer server;

    public SchoolsFeed(String bootstrapServers, EmbeddedServer server) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /** Publishes the calendar, the two ESAs and a school of each, and waits until the replica has them all. */
    public void seedBuriramAndLamphun() {
        calendar();
        esa("P31-4", 31, "บุรีรัมย์", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4");
        esa("P51-1", 51, "ลำพูน", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        school("31040001", "โรงเรียนบ้านหัวฝาย", "P31-4", "บุรีรัมย์", "312104");
        school("51910001", "โรงเรียนบ้านหนองเงือก", "P51-1", "ลำพูน", "510101");
        TestHttp http = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        Eventually.await(WAIT, () -> {
            assertThat(http.get("/api/v1/replicas/schools/31040001").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/replicas/schools/51910001").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/replicas/esas/P31-4").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/replicas/esas/P51-1").status()).isEqualTo(200);
            assertThat(server.getApplicationContext().getBean(AcademicCalendarReplica.class).version()).isPresent();
        });
    }

    /** The academic calendar as schools-service announces it: 2563 opened on 1 July 2020, the rest by the rule. */
    public void calendar() {
        publish(new AcademicCalendarChanged(new AcademicCalendarChanged.DefaultRule("--05-16", "--11-01"),
                List.of(new AcademicCalendarChanged.RecordedYear(2563, LocalDate.parse("2020-07-01"),
                        LocalDate.parse("2020-12-01"), "เปิดภาคเรียนที่ 1 วันที่ 1 กรกฎาคม 2563")),
                Instant.parse("2020-06-01T00:00:00Z"), 1));
    }

    public void esa(String code, int province, String provinceName, String nameTh) {
        publish(new EsaRegistered(code, "PRIMARY", Integer.parseInt(code.substring(code.indexOf('-') + 1)),
                String.valueOf(province), provinceName, nameTh, "ESA " + code, null, Instant.parse("2020-06-01T00:00:00Z"), 1));
    }

    public void school(String code, String nameTh, String esa, String province, String tambonCode) {
        publish(new SchoolRegistered(code, nameTh, null, esa, province, "อำเภอ", "ตำบล", tambonCode, null, null, null,
                Instant.parse("2020-06-01T00:00:00Z"), 1));
    }

    public void publish(EventData data) {
        byte[] value = server.getApplicationContext().getBean(EventCodec.class).encode(data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, data.key(), value);
        CloudEventHeaders.write(new CloudEvent(UUID.randomUUID().toString(), EventType.of(data.getClass()).ceType(),
                Topics.sourceOf("schools-service"), Instant.now(), data.key(), null), record.headers());
        KafkaProbe.send(bootstrapServers, record);
    }
}
