package th.tambon.events.summary.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.events.activity.infrastructure.ActivityRow;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the activities of a period came to, per ESA: grouped counts over {@code activity} and the tables of its
 * outcomes, for one ESA or for all of them in the same three statements (never one query per ESA). An activity counts
 * in the period its start day (in Bangkok) falls in; revoked certificates do not count.
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

    @Introspected
    record ActivityCount(String esa, String type, String state, long activities, long participants) {
    }

    @Introspected
    record CertificateCount(String esa, long certificates) {
    }

    @Introspected
    record WorkCount(String esa, long presented, long selected, long forwarded) {
    }
}
