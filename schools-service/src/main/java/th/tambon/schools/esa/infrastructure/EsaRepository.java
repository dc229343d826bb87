package th.tambon.schools.esa.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import th.tambon.schools.esa.model.Esa;

import java.time.Instant;
import java.util.Optional;

/** The {@code esa} table, in terms of {@link Esa}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EsaRepository extends PageableRepository<EsaRow, String> {

    /** Inserts the ESA; false when one with the same code exists (also under a concurrent insert). */
    default boolean insert(Esa esa) {
        EsaRow row = EsaRow.of(esa);
        return insertIfAbsent(row.code(), row.kind(), row.zone(), row.provinceCode(), row.province(), row.nameTh(),
                row.nameEn(), row.director(), row.registeredAt(), row.version()) == 1;
    }

    default Optional<Esa> find(String code) {
        return findById(code).map(EsaRow::toEsa);
    }

    /** ESAs of a province, or all when {@code provinceCode} is null. */
    default Page<Esa> list(@Nullable String provinceCode, Pageable pageable) {
        return (provinceCode == null ? findAll(pageable) : findByProvinceCode(provinceCode, pageable)).map(EsaRow::toEsa);
    }

    Page<EsaRow> findByProvinceCode(String provinceCode, Pageable pageable);

    @Query("""
            INSERT INTO esa (code, kind, zone, province_code, province, name_th, name_en, director, registered_at, version)
            VALUES (:code, :kind, :zone, :provinceCode, :province, :nameTh, :nameEn, :director, :registeredAt, :version)
            ON CONFLICT (code) DO NOTHING""")
    int insertIfAbsent(String code, String kind, int zone, String provinceCode, String province, String nameTh,
                       String nameEn, @Nullable String director, Instant registeredAt, long version);
}
