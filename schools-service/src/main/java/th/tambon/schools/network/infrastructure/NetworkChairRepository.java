package th.tambon.schools.network.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

/** The {@code network_chair} table: append-only history of chairs. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkChairRepository extends CrudRepository<NetworkChairRow, UUID> {

    List<NetworkChairRow> findByEsaOrderBySince(String esa);
}
