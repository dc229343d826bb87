package th.tambon.budget.allocation.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code allocation_round} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RoundRepository extends CrudRepository<RoundRow, UUID> {
    Optional<RoundRow> findByEsaAndFiscalYearAndRound(String esa, int fiscalYear, int round);

    List<RoundRow> findByEsaAndFiscalYearOrderByRound(String esa, int fiscalYear);

    @Query("SELECT * FROM allocation_round WHERE fiscal_year = :fiscalYear ORDER BY esa, round")
    List<RoundRow> findAllOfYear(int fiscalYear);
}
