package th.tambon.events.work.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The {@code work_forwarding} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ForwardingRepository extends CrudRepository<ForwardingRow, UUID> {

    List<ForwardingRow> findByIdIn(Collection<UUID> ids);
}
