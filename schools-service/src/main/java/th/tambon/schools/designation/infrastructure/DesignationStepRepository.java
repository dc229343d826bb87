package th.tambon.schools.designation.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The {@code designation_step} table: append-only history. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DesignationStepRepository extends CrudRepository<DesignationStepRow, UUID> {

    List<DesignationStepRow> findByDesignationOrderByRecordedAt(UUID designation);
}
