package th.tambon.events.work.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The {@code work_step} table: a work's append-only history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WorkStepRepository extends CrudRepository<WorkStepRow, UUID> {

    List<WorkStepRow> findByWorkOrderByRecordedAt(UUID work);
}
