package th.tambon.events.activity.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The {@code activity_step} table: an activity's append-only history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActivityStepRepository extends CrudRepository<ActivityStepRow, UUID> {

    List<ActivityStepRow> findByActivityOrderByRecordedAt(UUID activity);
}
