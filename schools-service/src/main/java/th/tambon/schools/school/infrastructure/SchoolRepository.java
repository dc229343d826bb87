package th.tambon.schools.school.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import th.tambon.schools.school.model.School;

import java.time.Instant;
import java.util.Optional;

/** The {@code school} table, in terms of {@link School}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolRepository extends PageableRepository<SchoolRow, String>, JpaSpecificationExecutor<SchoolRow> {

    /** Inserts the school; false when one with the same code exists (also under a concurrent insert). */
    default boolean insert(School school) {
        SchoolRow row = SchoolRow.of(school);
        return insertIfAbsent(row.code(), row.nameTh(), row.nameEn(), row.esa(), row.province(), row.district(),
                row.tambon(), row.tambonCode(), row.director(), row.registeredAt(), row.version()) == 1;
    }

    default Optional<School> find(String code) {
        return findById(code).map(SchoolRow::toSchool);
    }

    /** Schools filtered by ESA and/or tambon code (either may be null). */
    default Page<School> list(@Nullable String esa, @Nullable String tambonCode, Pageable pageable) {
        PredicateSpecification<SchoolRow> filter = PredicateSpecification.where(null);
        if (esa != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("esa"), esa));
        }
        if (tambonCode != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("tambonCode"), tambonCode));
        }
        return findAll(filter, pageable).map(SchoolRow::toSchool);
    }

    @Query("""
            INSERT INTO school (code, name_th, name_en, esa, province, district, tambon, tambon_code, director,
                registered_at, version)
            VALUES (:code, :nameTh, :nameEn, :esa, :province, :district, :tambon, :tambonCode, :director,
                :registeredAt, :version)
            ON CONFLICT (code) DO NOTHING""")
    int insertIfAbsent(String code, String nameTh, @Nullable String nameEn, String esa, String province,
                       String district, String tambon, String tambonCode, @Nullable String director,
                       Instant registeredAt, long version);
}
