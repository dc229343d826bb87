package th.tambon.events.certificate.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.sql.ResultSet;

/**
 * The {@code certificate_counter} table: the next certificate number of an ESA and academic year. Through
 * {@link JdbcOperations} because Micronaut Data's {@code @Query} runs an INSERT as an update and gives back the count
 * of rows, not what {@code RETURNING} returns.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class CertificateCounterRepository implements GenericRepository<CertificateCounterRow,
        CertificateCounterRow.Key> {
    private final JdbcOperations jdbc;

    protected CertificateCounterRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the ESA and academic year (1 for the first), taken in the caller's transaction. The counter's
     * row stays locked until that transaction ends, so concurrent awards take turns and get consecutive numbers, and
     * a transaction that rolls back gives its number back: no gaps, no duplicates.
     */
    public int next(String esa, int academicYear) {
        return jdbc.prepareStatement("""
                INSERT INTO certificate_counter AS counter (esa, academic_year, last_number) VALUES (?, ?, 1)
                ON CONFLICT (esa, academic_year) DO UPDATE SET last_number = counter.last_number + 1
                RETURNING last_number""", statement -> {
            statement.setString(1, esa);
            statement.setInt(2, academicYear);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        });
    }
}
