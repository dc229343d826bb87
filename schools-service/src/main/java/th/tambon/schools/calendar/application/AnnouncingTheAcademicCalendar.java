package th.tambon.schools.calendar.application;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.AcademicCalendarChanged.DefaultRule;
import th.tambon.contracts.schools.AcademicCalendarChanged.RecordedYear;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.calendar.infrastructure.AcademicCalendarAnnouncementRepository;
import th.tambon.schools.calendar.infrastructure.AcademicCalendarAnnouncementRow;
import th.tambon.schools.calendar.infrastructure.AcademicYearRepository;
import th.tambon.schools.calendar.model.AcademicYear;
import th.tambon.service.Bangkok;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tells schools.v1 the academic calendar: the whole of it (the default rule and every recorded year) in one
 * {@code AcademicCalendarChanged}, whenever it differs from the calendar last announced, with the calendar's next
 * version (docs/decisions/0014). Years are recorded by migration, not through the API, so the service runs this at
 * start-up ({@link AnnouncingAtStartup}). The event, and the record of it, commit in one transaction holding the
 * announcement's row, so instances starting at once announce a change once and the versions never repeat.
 */
@Singleton
public class AnnouncingTheAcademicCalendar {
    private final AcademicYearRepository years;
    private final AcademicCalendarAnnouncementRepository announcements;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    public AnnouncingTheAcademicCalendar(AcademicYearRepository years,
                                         AcademicCalendarAnnouncementRepository announcements, Outbox outbox,
                                         JsonMapper json, Clock clock) {
        this.years = years;
        this.announcements = announcements;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Announces the calendar unless it is the one last announced; the event announced, or empty when unchanged. */
    @Transactional
    public Optional<AcademicCalendarChanged> announceIfChanged() {
        AcademicCalendarAnnouncementRow last = announcements.findForChange();
        // read once the row is held: an instance that waited for it sees the years its predecessor announced
        DefaultRule rule = new DefaultRule(AcademicYear.DEFAULT_OPENING.toString(),
                AcademicYear.DEFAULT_SECOND_SEMESTER.toString());
        List<RecordedYear> recorded = years.listOrderByYearBe().stream()
                .map(row -> new RecordedYear(row.yearBe(), row.opensOn(), row.secondSemesterFrom(), row.note()))
                .toList();
        if (announced(last).filter(calendar -> calendar.defaultRule().equals(rule)
                && calendar.recordedYears().equals(recorded)).isPresent()) {
            return Optional.empty();
        }
        Instant now = Bangkok.now(clock);
        AcademicCalendarChanged event = new AcademicCalendarChanged(rule, recorded, now, last.version() + 1);
        outbox.append(event, now);
        announcements.update(new AcademicCalendarAnnouncementRow(last.id(), event.version(), write(event), now));
        return Optional.of(event);
    }

    private Optional<AcademicCalendarChanged> announced(AcademicCalendarAnnouncementRow last) {
        if (last.eventData() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(last.eventData(), AcademicCalendarChanged.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the academic calendar last announced", e);
        }
    }

    private String write(AcademicCalendarChanged event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the academic calendar announced", e);
        }
    }
}
