package th.tambon.events.schoolrecord.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.events.activity.infrastructure.ActivityRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What concerns one school across the service's tables, each list in one statement of at most {@code limit} rows
 * (the caller asks for one more than it shows, to know whether it cut): activities count in the period their start day
 * (Bangkok) falls in, certificates and works in their activity's.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolRecordRepository extends GenericRepository<ActivityRow, UUID> {

    /** The activities at the school (its venue school), by start. */
    @Query("""
            SELECT a.id, a.ref, a.type, a.title_th, a.state, a.starts_on, a.start_at, a.start_offset,
                   p.total AS participants, a.actual_cost, f.spending
            FROM activity a
            LEFT JOIN activity_participation p ON p.activity = a.id
            LEFT JOIN activity_funding f ON f.activity = a.id
            WHERE a.venue_school = :school AND a.starts_on BETWEEN :from AND :to
            ORDER BY a.starts_on, a.start_at, a.id
            LIMIT :limit""")
    List<ActivityEntry> hosted(String school, LocalDate from, LocalDate to, int limit);

    /**
     * The activities elsewhere at which the school was awarded a certificate (not revoked), presented a work or is
     * listed in the participation as having attended, by start. The participation's schools are found with
     * {@code @>}, which the GIN index on them (V7) serves.
     */
    @Query("""
            SELECT a.id, a.ref, a.type, a.title_th, a.state, a.starts_on, a.start_at, a.start_offset,
                   p.total AS participants, a.actual_cost, f.spending
            FROM activity a
            LEFT JOIN activity_participation p ON p.activity = a.id
            LEFT JOIN activity_funding f ON f.activity = a.id
            WHERE a.id IN (SELECT c.activity FROM certificate c WHERE c.school = :school AND c.revoked_at IS NULL
                           UNION SELECT w.activity FROM work w WHERE w.school = :school
                           UNION SELECT p.activity FROM activity_participation p
                                 WHERE p.schools @> ARRAY[CAST(:school AS TEXT)])
              AND a.venue_school IS DISTINCT FROM :school AND a.starts_on BETWEEN :from AND :to
            ORDER BY a.starts_on, a.start_at, a.id
            LIMIT :limit""")
    List<ActivityEntry> attended(String school, LocalDate from, LocalDate to, int limit);

    /** The certificates awarded to the school, revoked ones included, by the day given and number. */
    @Query("""
            SELECT c.id, c.number, c.academic_year, c.activity, c.given_on, c.awarded_at, c.revoked_at
            FROM certificate c JOIN activity a ON a.id = c.activity
            WHERE c.school = :school AND a.starts_on BETWEEN :from AND :to
            ORDER BY c.given_on, c.esa, c.academic_year, c.number
            LIMIT :limit""")
    List<CertificateEntry> certificates(String school, LocalDate from, LocalDate to, int limit);

    /** The works the school presented, by their activity's start and title. */
    @Query("""
            SELECT w.id, w.title, w.track, w.status, w.activity
            FROM work w JOIN activity a ON a.id = w.activity
            WHERE w.school = :school AND a.starts_on BETWEEN :from AND :to
            ORDER BY a.starts_on, w.activity, w.title, w.id
            LIMIT :limit""")
    List<WorkEntry> works(String school, LocalDate from, LocalDate to, int limit);

    /** The school's ITA results of the fiscal years, by year. */
    @Query("""
            SELECT r.fiscal_year, r.score, r.level
            FROM ita_result r
            WHERE r.subject_type = 'SCHOOL' AND r.code = :school AND r.fiscal_year BETWEEN :fromYear AND :toYear
            ORDER BY r.fiscal_year
            LIMIT :limit""")
    List<ItaEntry> ita(String school, int fromYear, int toYear, int limit);

    /**
     * What the activities at the school actually cost, of those whose cost budget-service recorded as an expenditure
     * (the funding's spending RECORDED); all of them, however many the list shows.
     */
    @Query("""
            SELECT coalesce(sum(a.actual_cost), 0)
            FROM activity a JOIN activity_funding f ON f.activity = a.id
            WHERE a.venue_school = :school AND a.starts_on BETWEEN :from AND :to AND f.spending = 'RECORDED'""")
    BigDecimal spentOnHosted(String school, LocalDate from, LocalDate to);

    /**
     * Whether anything in the service names the school, in any year. The participations are counted rather than asked
     * EXISTS of: for EXISTS the planner bets on an early row and scans the table, where a count uses the GIN index.
     */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM activity WHERE venue_school = :school)
                OR EXISTS (SELECT 1 FROM certificate WHERE school = :school)
                OR EXISTS (SELECT 1 FROM work WHERE school = :school)
                OR (SELECT count(*) FROM activity_participation WHERE schools @> ARRAY[CAST(:school AS TEXT)]) > 0
                OR EXISTS (SELECT 1 FROM ita_result WHERE subject_type = 'SCHOOL' AND code = :school)""")
    boolean named(String school);

    @Introspected
    record ActivityEntry(UUID id, String ref, String type, String titleTh, String state, LocalDate startsOn,
                         Instant startAt, String startOffset, @Nullable Integer participants,
                         @Nullable BigDecimal actualCost, @Nullable String spending) {
    }

    @Introspected
    record CertificateEntry(UUID id, int number, int academicYear, UUID activity, LocalDate givenOn, Instant awardedAt,
                            @Nullable Instant revokedAt) {
    }

    @Introspected
    record WorkEntry(UUID id, String title, String track, String status, UUID activity) {
    }

    @Introspected
    record ItaEntry(int fiscalYear, BigDecimal score, String level) {
    }
}
