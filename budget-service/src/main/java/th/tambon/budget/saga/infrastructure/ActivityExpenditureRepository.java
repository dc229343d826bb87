package th.tambon.budget.saga.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

/** The {@code expenditure} table, for the expenditures of activities. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityExpenditureRepository extends CrudRepository<ActivityExpenditureRow, UUID> {
    Optional<ActivityExpenditureRow> findByCommitment(UUID commitment);
}
