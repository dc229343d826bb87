package th.tambon.schools.calendar.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.service.RowLocks;

/** The {@code academic_calendar_announcement} table: one row, seeded by migration V8. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class AcademicCalendarAnnouncementRepository
        implements CrudRepository<AcademicCalendarAnnouncementRow, String> {
    private final JdbcOperations jdbc;

    protected AcademicCalendarAnnouncementRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last announcement, its row locked until the transaction ends ({@link RowLocks}): whoever announces the
     * calendar holds it, so instances starting at once announce one change once.
     */
    public AcademicCalendarAnnouncementRow findForChange() {
        return RowLocks.read(jdbc, AcademicCalendarAnnouncementRow.class,
                        "SELECT * FROM academic_calendar_announcement WHERE id = ? FOR NO KEY UPDATE",
                        AcademicCalendarChanged.KEY).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("academic_calendar_announcement has no row "
                        + AcademicCalendarChanged.KEY + ": migration V8 inserts it"));
    }
}
