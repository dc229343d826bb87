package th.tambon.events.summary.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.events.activity.infrastructure.ActivityRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the activities of a period came to, per ESA: grouped counts over {@code activity} and the tables of its
 * outcomes, for one ESA or for all of them in the same statements (never one query per ESA). An activity counts in the
 * period its start day (in Bangkok) falls in; revoked certificates do not count. Held is HELD, REPORTED or CLOSED.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SummaryRepository extends GenericRepository<ActivityRow, UUID> {

    /** Activities per ESA, type and state, with the participants recorded for them. */
    @Query("""
            SELECT a.esa, a.type, a.state, count(*) AS activities, coalesce(sum(p.total), 0) AS participants
            FROM activity a LEFT JOIN activity_participation p ON p.activity = a.id
            WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
            GROUP BY a.esa, a.type, a.state""")
    List<ActivityCount> activities(LocalDate from, LocalDate to, @Nullable String esa);

    /** Certificates in force per ESA, awarded at the period's activities. */
    @Query("""
            SELECT a.esa, count(*) AS certificates
            FROM certificate c JOIN activity a ON a.id = c.activity
            WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
              AND c.revoked_at IS NULL
            GROUP BY a.esa""")
    List<CertificateCount> certificates(LocalDate from, LocalDate to, @Nullable String esa);

    /** Works presented at the period's activities per ESA, and how many of them were selected and forwarded. */
    @Query("""
            SELECT a.esa, count(*) AS presented,
                   count(*) FILTER (WHERE w.status IN ('SELECTED', 'FORWARDED')) AS selected,
                   count(*) FILTER (WHERE w.status = 'FORWARDED') AS forwarded
            FROM work w JOIN activity a ON a.id = w.activity
            WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
            GROUP BY a.esa""")
    List<WorkCount> works(LocalDate from, LocalDate to, @Nullable String esa);

    /** Held activities per ESA and month (YYYY-MM) of their start day; months without any are absent. */
    @Query("""
            SELECT a.esa, to_char(a.starts_on, 'YYYY-MM') AS month, count(*) AS held
            FROM activity a
            WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
              AND a.state IN ('HELD', 'REPORTED', 'CLOSED')
            GROUP BY a.esa, month""")
    List<MonthCount> heldByMonth(LocalDate from, LocalDate to, @Nullable String esa);

    /**
     * Distinct schools per ESA reached by its held activities of the period: their venue school, the schools awarded a
     * certificate at one (not revoked), the schools whose works were presented at one and the schools their
     * participation lists as having attended.
     */
    @Query("""
            SELECT reached.esa, count(DISTINCT reached.school) AS schools FROM (
                SELECT a.esa, a.venue_school AS school FROM activity a
                WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
                  AND a.state IN ('HELD', 'REPORTED', 'CLOSED') AND a.venue_school IS NOT NULL
                UNION ALL
                SELECT a.esa, c.school FROM certificate c JOIN activity a ON a.id = c.activity
                WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
                  AND a.state IN ('HELD', 'REPORTED', 'CLOSED') AND c.school IS NOT NULL AND c.revoked_at IS NULL
                UNION ALL
                SELECT a.esa, w.school FROM work w JOIN activity a ON a.id = w.activity
                WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
                  AND a.state IN ('HELD', 'REPORTED', 'CLOSED')
                UNION ALL
                SELECT a.esa, attended.school
                FROM activity_participation p JOIN activity a ON a.id = p.activity
                CROSS JOIN LATERAL unnest(p.schools) AS attended (school)
                WHERE a.starts_on BETWEEN :from AND :to AND (CAST(:esa AS TEXT) IS NULL OR a.esa = :esa)
                  AND a.state IN ('HELD', 'REPORTED', 'CLOSED')
            ) reached
            GROUP BY reached.esa""")
    List<SchoolCount> schoolsReached(LocalDate from, LocalDate to, @Nullable String esa);

    /**
     * Schools' ITA results of the fiscal year per ESA and level; a school's ESA is the one {@code ita_result} keeps (the
     * school's by the replica when the result was recorded).
     */
    @Query("""
            SELECT r.esa, r.level, count(*) AS results
            FROM ita_result r
            WHERE r.subject_type = 'SCHOOL' AND r.fiscal_year = :fiscalYear
              AND (CAST(:esa AS TEXT) IS NULL OR r.esa = :esa)
            GROUP BY r.esa, r.level""")
    List<LevelCount> itaLevels(int fiscalYear, @Nullable String esa);

    /** The ESAs' own ITA results of the fiscal year. */
    @Query("""
            SELECT r.code AS esa, r.score, r.level
            FROM ita_result r
            WHERE r.subject_type = 'ESA' AND r.fiscal_year = :fiscalYear
              AND (CAST(:esa AS TEXT) IS NULL OR r.code = :esa)""")
    List<EsaIta> esaIta(int fiscalYear, @Nullable String esa);

    @Introspected
    record ActivityCount(String esa, String type, String state, long activities, long participants) {
    }

    @Introspected
    record CertificateCount(String esa, long certificates) {
    }

    @Introspected
    record WorkCount(String esa, long presented, long selected, long forwarded) {
    }

    @Introspected
    record MonthCount(String esa, String month, long held) {
    }

    @Introspected
    record SchoolCount(String esa, long schools) {
    }

    @Introspected
    record LevelCount(String esa, String level, long results) {
    }

    @Introspected
    record EsaIta(String esa, BigDecimal score, String level) {
    }
}
