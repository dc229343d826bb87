package th.tambon.schools.calendar.application;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.contracts.schools.AcademicCalendarChanged.RecordedYear;

/**
 * At start-up, after the migrations (which are how a year is recorded), announces the academic calendar if it
 * changed. A failure stops the start: a service that cannot say its calendar should not run as if it had.
 */
@Singleton
public class AnnouncingAtStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncingAtStartup.class);

    private final AnnouncingTheAcademicCalendar announcing;

    public AnnouncingAtStartup(AnnouncingTheAcademicCalendar announcing) {
        this.announcing = announcing;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        announcing.announceIfChanged().ifPresentOrElse(
                calendar -> LOG.info("Announced the academic calendar, version {}: default rule {}, recorded years {}",
                        calendar.version(), calendar.defaultRule(),
                        calendar.recordedYears().stream().map(RecordedYear::yearBe).toList()),
                () -> LOG.info("The academic calendar is as last announced"));
    }
}
