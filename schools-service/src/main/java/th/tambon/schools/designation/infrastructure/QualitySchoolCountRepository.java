package th.tambon.schools.designation.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every ESA's schools and active quality schools on a date, in one grouped statement for all the ESAs asked (never one
 * query per ESA): the ESA report and the national overview ask once. "Active" is {@link DesignationRepository#ACTIVE_ON},
 * the list of active quality schools' own definition.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface QualitySchoolCountRepository extends GenericRepository<DesignationRow, UUID> {

    /** Per registered ESA matching every filter given (each may be null), by ESA code; zeros for an ESA without any. */
    @Query("""
            SELECT e.code AS esa, e.name_th, e.name_en, e.kind, e.zone, e.province_code, e.province,
                   coalesce(s.schools, 0) AS schools, coalesce(q.quality_schools, 0) AS quality_schools
            FROM esa e
            LEFT JOIN (SELECT esa, count(*) AS schools FROM school
                       WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa)
                       GROUP BY esa) s ON s.esa = e.code
            LEFT JOIN (SELECT esa, count(*) AS quality_schools FROM designation
                       WHERE (CAST(:esa AS TEXT) IS NULL OR esa = :esa) AND """ + DesignationRepository.ACTIVE_ON + """
                       GROUP BY esa) q ON q.esa = e.code
            WHERE (CAST(:esa AS TEXT) IS NULL OR e.code = :esa)
              AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)
              AND (CAST(:provinceCode AS TEXT) IS NULL OR e.province_code = :provinceCode)
            ORDER BY e.code""")
    List<EsaCount> perEsa(LocalDate on, @Nullable String esa, @Nullable String kind, @Nullable String provinceCode);

    /** An ESA with its registered schools and its quality schools active on the date asked. */
    @Introspected
    record EsaCount(String esa, String nameTh, String nameEn, String kind, int zone, String provinceCode,
                    String province, long schools, long qualitySchools) {
    }
}
