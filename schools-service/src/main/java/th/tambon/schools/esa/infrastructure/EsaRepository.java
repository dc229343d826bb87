package th.tambon.schools.esa.infrastructure;

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
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.esa.model.EsaKind;
import th.tambon.service.RowLocks;

import java.time.Instant;
import java.util.Optional;

/** The {@code esa} table, in terms of {@link Esa}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class EsaRepository implements PageableRepository<EsaRow, String>, JpaSpecificationExecutor<EsaRow> {
    private final JdbcOperations jdbc;

    protected EsaRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the ESA; false when one with the same code exists (also under a concurrent insert). */
    public boolean insert(Esa esa) {
        EsaRow row = EsaRow.of(esa);
        return insertIfAbsent(row.code(), row.kind(), row.zone(), row.provinceCode(), row.province(), row.nameTh(),
                row.nameEn(), row.director(), row.registeredAt(), row.version()) == 1;
    }

    public Optional<Esa> find(String code) {
        return findById(code).map(EsaRow::toEsa);
    }

    /**
     * The ESA, its row locked until the transaction ends: the way to read an ESA one means to change ({@link RowLocks}:
     * no other writer, while rows referring to it, such as a school's plan, can still be inserted).
     */
    public Optional<Esa> findForChange(String code) {
        return RowLocks.read(jdbc, EsaRow.class, "SELECT * FROM esa WHERE code = ? FOR NO KEY UPDATE", code).stream()
                .findFirst().map(EsaRow::toEsa);
    }

    /** Stores a changed ESA read with {@link #findForChange}. */
    public void save(Esa esa) {
        update(EsaRow.of(esa));
    }

    /** ESAs filtered by kind and/or province (either may be null), in the pageable's order. */
    public Page<Esa> list(@Nullable EsaKind kind, @Nullable String provinceCode, Pageable pageable) {
        PredicateSpecification<EsaRow> filter = PredicateSpecification.where(null);
        if (kind != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("kind"), kind.name()));
        }
        if (provinceCode != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("provinceCode"), provinceCode));
        }
        return findAll(filter, pageable).map(EsaRow::toEsa);
    }

    @Query("""
            INSERT INTO esa (code, kind, zone, province_code, province, name_th, name_en, director, registered_at, version)
            VALUES (:code, :kind, :zone, :provinceCode, :province, :nameTh, :nameEn, :director, :registeredAt, :version)
            ON CONFLICT (code) DO NOTHING""")
    public abstract int insertIfAbsent(String code, String kind, int zone, String provinceCode, String province,
                                       String nameTh, String nameEn, @Nullable String director, Instant registeredAt,
                                       long version);
}
