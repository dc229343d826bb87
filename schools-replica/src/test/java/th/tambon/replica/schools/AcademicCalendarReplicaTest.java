package th.tambon.replica.schools;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.AcademicCalendarChanged.DefaultRule;
import th.tambon.contracts.schools.AcademicCalendarChanged.RecordedYear;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.testkit.Eventually;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academic calendar from schools.v1 in the replica (docs/decisions/0014): a service learns which academic year a
 * date is in from the calendar schools-service announces, never from a rule of its own. The calendar is one key, so
 * the tests take it through its versions in turn: the first one arrives first; each later test starts above the
 * version the replica holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcademicCalendarReplicaTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DefaultRule RULE = new DefaultRule("--05-16", "--11-01");
    private static final RecordedYear COVID_2563 = new RecordedYear(2563, LocalDate.parse("2020-07-01"),
            LocalDate.parse("2020-12-01"), "เปิดภาคเรียนที่ 1 วันที่ 1 กรกฎาคม 2563 (สถานการณ์ COVID-19)");
    private static final RecordedYear LATE_2564 = new RecordedYear(2564, LocalDate.parse("2021-06-14"),
            LocalDate.parse("2021-11-01"), "เปิดภาคเรียนที่ 1 วันที่ 14 มิถุนายน 2564");

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private final AtomicInteger markers = new AtomicInteger();
    private EmbeddedServer server;
    private EventCodec codec;
    private AcademicCalendarReplica calendar;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "calendar-replica-test");
        props.put("micronaut.server.port", -1);
        props.put("tambon.messaging.initial-backoff", "20ms");
        server = ApplicationContext.run(EmbeddedServer.class, props);
        codec = server.getApplicationContext().getBean(EventCodec.class);
        calendar = server.getApplicationContext().getBean(AcademicCalendarReplica.class);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void a_date_has_no_academic_year_until_the_calendar_arrives_then_2563_begins_on_1_july_2020() {
        assertThat(calendar.academicYearOf(LocalDate.parse("2020-07-01"))).isEmpty();
        assertThat(calendar.academicYear(2563)).isEmpty();
        assertThat(calendar.version()).isEmpty();

        publish(UUID.randomUUID().toString(), calendar(1, COVID_2563));
        awaitApplied();

        assertThat(calendar.academicYearOf(LocalDate.parse("2020-06-30"))).contains(2562);
        assertThat(calendar.academicYearOf(LocalDate.parse("2020-07-01"))).contains(2563);
        assertThat(calendar.academicYear(2562)).contains(range("2019-05-16", "2020-06-30"));
        assertThat(calendar.academicYear(2563)).contains(range("2020-07-01", "2021-05-15"));
        assertThat(calendar.version()).contains(1L);
    }

    @Test
    @Order(2)
    void a_service_finds_a_date_s_academic_year_in_sql_for_every_programme_date() throws Exception {
        long version = calendar.version().orElse(0L) + 1;
        publish(UUID.randomUUID().toString(), calendar(version, COVID_2563));
        awaitApplied();

        assertThat(sqlYearOf("2020-06-30")).isEqualTo(2562);
        assertThat(sqlYearOf("2020-07-01")).isEqualTo(2563);
        assertThat(sqlYearOf("2000-01-01")).isEqualTo(2542);
        assertThat(sqlYearOf("2100-12-31")).isEqualTo(2643);
        assertThat(infra.database().queryLong("SELECT count(*) FROM schools_replica.academic_year"))
                .isEqualTo(2643 - 2542 + 1);
        assertThat(infra.database().queryLong("""
                SELECT count(*) FROM schools_replica.academic_year y
                JOIN schools_replica.academic_year next ON next.year_be = y.year_be + 1
                WHERE next.opens_on <> y.closes_on + 1""")).as("years with a gap or an overlap after them").isZero();
    }

    @Test
    @Order(3)
    void an_older_calendar_arriving_after_a_newer_one_changes_nothing() {
        long newer = calendar.version().orElse(0L) + 2;
        publish(UUID.randomUUID().toString(), calendar(newer, COVID_2563, LATE_2564));
        publish(UUID.randomUUID().toString(), calendar(newer - 1));
        awaitApplied();

        assertThat(calendar.version()).contains(newer);
        assertThat(calendar.academicYearOf(LocalDate.parse("2020-07-01"))).contains(2563);
        assertThat(calendar.academicYearOf(LocalDate.parse("2021-06-13"))).contains(2563);
        assertThat(calendar.academicYear(2564)).contains(range("2021-06-14", "2022-05-15"));
    }

    @Test
    @Order(4)
    void a_calendar_delivered_twice_changes_the_replica_once() {
        long version = calendar.version().orElse(0L) + 1;
        String eventId = UUID.randomUUID().toString();
        publish(eventId, calendar(version, COVID_2563));
        publish(eventId, calendar(version + 1, COVID_2563, LATE_2564));
        awaitApplied();

        assertThat(calendar.version()).contains(version);
        assertThat(calendar.academicYear(2564)).contains(range("2021-05-16", "2022-05-15"));
        assertThat(calendar.academicYearOf(LocalDate.parse("2021-06-13"))).contains(2564);
    }

    private static AcademicCalendarChanged calendar(long version, RecordedYear... recorded) {
        return new AcademicCalendarChanged(RULE, List.of(recorded), Instant.parse("2021-05-01T03:00:00Z"), version);
    }

    private static DateRange range(String first, String last) {
        return new DateRange(LocalDate.parse(first), LocalDate.parse(last));
    }

    private int sqlYearOf(String date) throws Exception {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet year = statement.executeQuery("SELECT y.year_be FROM schools_replica.academic_year y"
                     + " WHERE DATE '" + date + "' BETWEEN y.opens_on AND y.closes_on")) {
            assertThat(year.next()).as(date).isTrue();
            int be = year.getInt(1);
            assertThat(year.next()).as(date + " in one year only").isFalse();
            return be;
        }
    }

    /**
     * Waits until everything published on the calendar's partition so far has been applied: publishes a school on
     * that partition, after it, and waits for the school.
     */
    private void awaitApplied() {
        String code = "5199" + String.format("%04d", markers.incrementAndGet());
        send(AcademicCalendarChanged.KEY, UUID.randomUUID().toString(), new SchoolRegistered(code, "โรงเรียน " + code,
                null, "P51-1", "ลำพูน", "เมืองลำพูน", "ในเมือง", "510101", null, null, null,
                Instant.parse("2020-09-01T00:00:00Z"), 1));
        SchoolReplicaRepository schools = server.getApplicationContext().getBean(SchoolReplicaRepository.class);
        Eventually.await(WAIT, () -> assertThat(schools.findById(code)).isPresent());
    }

    private void publish(String eventId, AcademicCalendarChanged data) {
        send(data.key(), eventId, data);
    }

    private void send(String key, String eventId, EventData data) {
        EventType type = EventType.of(data.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, codec.encode(data));
        CloudEventHeaders.write(new CloudEvent(eventId, type.ceType(), "/tambon/schools-service", Instant.now(),
                data.key(), null), record.headers());
        KafkaProbe.send(infra.kafkaBootstrapServers(), record);
    }
}
