package th.tambon.budget.saga.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/** The {@code saga_step} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SagaStepRepository extends GenericRepository<SagaStepRow, Long> {
    SagaStepRow save(SagaStepRow step);

    List<SagaStepRow> findByActivityOrderById(java.util.UUID activity);
}
