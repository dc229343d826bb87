package th.tambon.schools.plan.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The {@code development_plan_step} table: append-only history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanStepRepository extends CrudRepository<PlanStepRow, UUID> {

    List<PlanStepRow> findByPlanOrderByRecordedAt(UUID plan);
}
