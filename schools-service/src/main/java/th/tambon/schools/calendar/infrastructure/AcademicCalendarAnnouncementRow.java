package th.tambon.schools.calendar.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The one row of {@code academic_calendar_announcement}: the academic calendar last announced on schools.v1.
 *
 * @param id          always {@code academic-calendar}, the calendar's key on schools.v1
 * @param version     the version last announced, 0 before the first announcement
 * @param eventData   the data of that event as published (JSON), null before the first announcement
 * @param announcedAt when it was announced
 */
@MappedEntity("academic_calendar_announcement")
public record AcademicCalendarAnnouncementRow(@Id String id, long version, @Nullable String eventData,
                                              @Nullable Instant announcedAt) {
}
