package th.tambon.budget.yearend.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import th.tambon.budget.saga.infrastructure.CommitmentRow;

import java.util.List;

/** The commitments of an ESA's fiscal year, read for its year end. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface YearEndRepository extends GenericRepository<CommitmentRow, java.util.UUID> {

    /** The ESA's commitments of the year in {@code state} (every state when null), oldest first. */
    @Query("""
            SELECT c.* FROM commitment c JOIN allocation_line l ON l.id = c.line_id
            WHERE l.esa = :esa AND l.fiscal_year = :year AND (CAST(:state AS TEXT) IS NULL OR c.state = :state)
            ORDER BY c.committed_at, c.id""")
    List<CommitmentRow> commitments(String esa, int year, @Nullable String state);
}
