package th.tambon.events.certificate.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code certificate} table; {@link CertificateRegister} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class CertificateRepository implements CrudRepository<CertificateRow, UUID> {
    private final JdbcOperations jdbc;

    protected CertificateRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract Optional<CertificateRow> findByActivityAndSchool(UUID activity, String school);

    public abstract Optional<CertificateRow> findByActivityAndPerson(UUID activity, String person);

    public abstract Optional<CertificateRow> findByVerificationCode(String verificationCode);

    public abstract Page<CertificateRow> findByActivityOrderByNumber(UUID activity, Pageable pageable);

    public abstract List<CertificateRow> findByActivityOrderByNumber(UUID activity);

    /** The certificate, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<CertificateRow> lock(UUID id) {
        return RowLocks.read(jdbc, CertificateRow.class, "SELECT * FROM certificate WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }
}
