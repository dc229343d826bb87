package th.tambon.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.ContractSchemas;
import th.tambon.schools.calendar.application.AnnouncingTheAcademicCalendar;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The academic calendar told on schools.v1 (docs/decisions/0014): at start-up, the whole calendar as
 * {@code th.tambon.academic-calendar.changed.v1} when it differs from the one last announced, with the next version.
 * Each test starts the service on a database of its own, as often as its story needs.
 */
class AnnouncingTheAcademicCalendarTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YEAR_2564 = "INSERT INTO academic_year (year_be, opens_on, second_semester_from, note) "
            + "VALUES (2564, DATE '2021-06-14', DATE '2021-11-01', 'เปิดภาคเรียนที่ 1 วันที่ 14 มิถุนายน 2564')";

    @Test
    void the_first_start_announces_the_whole_calendar_as_version_1_and_a_restart_with_it_unchanged_announces_nothing()
            throws Exception {
        try (TestDatabase database = TestDatabase.create("calendar-first-start")) {
            try (EmbeddedServer first = start(database, Map.of())) {
                List<Announced> announced = announced(database);
                assertThat(announced).hasSize(1);
                JsonNode calendar = announced.get(0).data();
                assertThat(new ContractSchemas().violations(EventType.ACADEMIC_CALENDAR_CHANGED, calendar)).isEmpty();
                assertThat(calendar.get("version").asLong()).isEqualTo(1);
                assertThat(calendar.at("/defaultRule/opensOn").asText()).isEqualTo("--05-16");
                assertThat(calendar.at("/defaultRule/secondSemesterFrom").asText()).isEqualTo("--11-01");
                assertThat(calendar.get("recordedYears")).hasSize(1);
                JsonNode year2563 = calendar.get("recordedYears").get(0);
                assertThat(year2563.get("yearBe").asInt()).isEqualTo(2563);
                assertThat(year2563.get("opensOn").asText()).isEqualTo("2020-07-01");
                assertThat(year2563.get("secondSemesterFrom").asText()).isEqualTo("2020-12-01");
                assertThat(year2563.get("note").asText()).contains("COVID-19");

                try (KafkaProbe probe = KafkaProbe.fromBeginning(infra.kafkaBootstrapServers(), Topics.SCHOOLS_V1)) {
                    ConsumerRecord<String, byte[]> published = probe.await(
                            r -> announced.get(0).eventId().equals(KafkaProbe.header(r, CloudEventHeaders.ID)),
                            Duration.ofSeconds(20));
                    assertThat(published.key()).isEqualTo(AcademicCalendarChanged.KEY);
                    assertThat(KafkaProbe.header(published, CloudEventHeaders.SUBJECT)).isEqualTo("academic-calendar");
                    assertThat(KafkaProbe.header(published, CloudEventHeaders.TYPE))
                            .isEqualTo("th.tambon.academic-calendar.changed.v1");
                    assertThat(JSON.readTree(published.value())).isEqualTo(calendar);
                }
            }

            try (EmbeddedServer again = start(database, Map.of())) {
                assertThat(announced(database)).as("a restart with the same calendar").hasSize(1);
            }
        }
    }

    @Test
    void a_year_recorded_between_two_starts_is_announced_as_version_2_with_both_years_at_the_clock_s_time()
            throws Exception {
        Instant restart = Instant.parse("2021-05-01T03:00:00Z");
        try (TestDatabase database = TestDatabase.create("calendar-new-year")) {
            start(database, Map.of()).close();
            execute(database, YEAR_2564);

            try (EmbeddedServer next = start(database, Map.of(SettableClock.PROPERTY, "true",
                    SettableClock.START, restart.toString()))) {
                List<Announced> announced = announced(database);
                assertThat(announced).extracting(a -> a.data().get("version").asLong()).containsExactly(1L, 2L);
                JsonNode calendar = announced.get(1).data();
                assertThat(calendar.get("recordedYears").findValuesAsText("yearBe")).containsExactly("2563", "2564");
                assertThat(calendar.get("recordedYears").get(1).get("opensOn").asText()).isEqualTo("2021-06-14");
                assertThat(calendar.get("recordedYears").get(1).get("secondSemesterFrom").asText())
                        .isEqualTo("2021-11-01");
                assertThat(Instant.parse(calendar.get("changedAt").asText())).isEqualTo(restart);
                assertThat(announced.get(1).occurredAt()).isEqualTo(restart);
                assertThat(database.queryLong("SELECT version FROM academic_calendar_announcement")).isEqualTo(2);
            }
        }
    }

    @Test
    void instances_announcing_at_once_announce_a_change_once() throws Exception {
        try (TestDatabase database = TestDatabase.create("calendar-at-once");
             EmbeddedServer server = start(database, Map.of())) {
            execute(database, YEAR_2564);
            AnnouncingTheAcademicCalendar announcing =
                    server.getApplicationContext().getBean(AnnouncingTheAcademicCalendar.class);
            int instances = 3;
            CyclicBarrier together = new CyclicBarrier(instances);
            Callable<Optional<AcademicCalendarChanged>> announce = () -> {
                together.await(10, TimeUnit.SECONDS);
                return announcing.announceIfChanged();
            };
            ExecutorService pool = Executors.newFixedThreadPool(instances);
            List<Optional<AcademicCalendarChanged>> results = new ArrayList<>();
            try {
                for (Future<Optional<AcademicCalendarChanged>> result
                        : pool.invokeAll(List.of(announce, announce, announce), 30, TimeUnit.SECONDS)) {
                    results.add(result.get());
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(results.stream().filter(Optional::isPresent).map(r -> r.get().version()))
                    .as("announced by the instances").containsExactly(2L);
            assertThat(announced(database)).extracting(a -> a.data().get("version").asLong()).containsExactly(1L, 2L);
        }
    }

    private static EmbeddedServer start(TestDatabase database, Map<String, Object> more) {
        Map<String, Object> props = new HashMap<>(more);
        props.put("datasources.default.url", database.jdbcUrl());
        return infra.startService(props);
    }

    /** The calendar's events in the database's outbox, in the order they are published. */
    private static List<Announced> announced(TestDatabase database) throws Exception {
        List<Announced> announced = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT event_id, payload, occurred_at, message_key"
                     + " FROM messaging.outbox_message WHERE event_type = 'th.tambon.academic-calendar.changed.v1'"
                     + " ORDER BY id")) {
            while (rows.next()) {
                assertThat(rows.getString(4)).isEqualTo(AcademicCalendarChanged.KEY);
                announced.add(new Announced(rows.getString(1), JSON.readTree(rows.getString(2)),
                        rows.getTimestamp(3).toInstant()));
            }
        }
        return announced;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private record Announced(String eventId, JsonNode data, Instant occurredAt) {
    }
}
