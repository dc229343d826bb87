package th.tambon.schools.school.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import th.tambon.schools.school.model.School;
import th.tambon.schools.school.model.SchoolFilter;
import th.tambon.schools.school.model.SearchKey;
import th.tambon.service.RowLocks;

import java.time.Instant;
import java.util.Optional;

/** The {@code school} table, in terms of {@link School}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class SchoolRepository implements PageableRepository<SchoolRow, String>,
        JpaSpecificationExecutor<SchoolRow> {
    private final JdbcOperations jdbc;

    protected SchoolRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the school; false when one with the same code exists (also under a concurrent insert). */
    public boolean insert(School school) {
        SchoolRow row = SchoolRow.of(school);
        return insertIfAbsent(row.code(), row.nameTh(), row.nameEn(), row.esa(), row.province(), row.district(),
                row.tambon(), row.tambonCode(), row.director(), row.students(), row.teachers(), row.qualityStatus(),
                row.searchKey(), row.registeredAt(), row.version()) == 1;
    }

    public Optional<School> find(String code) {
        return findById(code).map(SchoolRow::toSchool);
    }

    /**
     * The school, its row locked until the transaction ends: the way to read a school one means to change
     * ({@link RowLocks}: no other writer, while rows referring to it can still be inserted).
     */
    public Optional<School> findForChange(String code) {
        return RowLocks.read(jdbc, SchoolRow.class, "SELECT * FROM school WHERE code = ? FOR NO KEY UPDATE", code)
                .stream().findFirst().map(SchoolRow::toSchool);
    }

    /** The schools of those codes that exist, in no particular order. */
    public java.util.List<School> findAllByCode(java.util.Collection<String> codes) {
        return codes.isEmpty() ? java.util.List.of() : findByCodeIn(codes).stream().map(SchoolRow::toSchool).toList();
    }

    public abstract java.util.List<SchoolRow> findByCodeIn(java.util.Collection<String> codes);

    /**
     * The schools of those codes that exist, their rows locked until the transaction ends, in code order (so two
     * callers locking overlapping sets wait for each other instead of deadlocking).
     */
    public java.util.List<School> findAllForChange(java.util.Collection<String> codes) {
        // bpchar[] without a length: a cast to char(8)[] would cut a longer code to fit, and match another school
        return codes.isEmpty() ? java.util.List.of() : RowLocks.read(jdbc, SchoolRow.class,
                "SELECT * FROM school WHERE code = ANY (CAST(? AS BPCHAR[])) ORDER BY code FOR NO KEY UPDATE", codes)
                .stream().map(SchoolRow::toSchool).toList();
    }

    /** Stores a changed school read with {@link #findForChange}. */
    public void save(School school) {
        update(SchoolRow.of(school));
    }

    /** Schools matching every criterion the filter sets, in the pageable's order. */
    public Page<School> list(SchoolFilter filter, Pageable pageable) {
        PredicateSpecification<SchoolRow> where = PredicateSpecification.where(null);
        if (filter.esa() != null) {
            where = where.and((root, criteria) -> criteria.equal(root.get("esa"), filter.esa()));
        }
        String tambonPrefix = filter.tambonCodePrefix();
        if (tambonPrefix != null) {
            where = where.and((root, criteria) -> tambonPrefix.length() == 6
                    ? criteria.equal(root.get("tambonCode"), tambonPrefix)
                    : criteria.like(root.get("tambonCode"), tambonPrefix + "%"));
        }
        if (filter.qualityStatus() != null) {
            where = where.and((root, criteria) -> criteria.equal(root.get("qualityStatus"), filter.qualityStatus().name()));
        }
        if (filter.nameContains() != null) {
            String pattern = "%" + escapeLike(SearchKey.fold(filter.nameContains())) + "%";
            where = where.and((root, criteria) -> criteria.like(root.get("searchKey"), pattern, '\\'));
        }
        return findAll(where, pageable).map(SchoolRow::toSchool);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Query("""
            INSERT INTO school (code, name_th, name_en, esa, province, district, tambon, tambon_code, director,
                students, teachers, quality_status, search_key, registered_at, version)
            VALUES (:code, :nameTh, :nameEn, :esa, :province, :district, :tambon, :tambonCode, :director,
                :students, :teachers, :qualityStatus, :searchKey, :registeredAt, :version)
            ON CONFLICT (code) DO NOTHING""")
    public abstract int insertIfAbsent(String code, String nameTh, @Nullable String nameEn, String esa,
                                       String province, String district, String tambon, String tambonCode,
                                       @Nullable String director, @Nullable Integer students, @Nullable Integer teachers,
                                       String qualityStatus, String searchKey, Instant registeredAt, long version);
}
