package th.tambon.schools.plan.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The {@code development_plan_target} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanTargetRepository extends CrudRepository<PlanTargetRow, UUID> {

    List<PlanTargetRow> findByPlan(UUID plan);

    List<PlanTargetRow> findByPlanIn(Collection<UUID> plans);

    void deleteByPlan(UUID plan);
}
