package th.tambon.budget.saga.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** The {@code funding_answer} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnswerRepository extends CrudRepository<AnswerRow, AnswerRow.Key> {
}
