package th.tambon.schools.network.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code network_chair} table: the history of chairs; a row changes only when its chair ends. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkChairRepository extends CrudRepository<NetworkChairRow, UUID> {

    List<NetworkChairRow> findByEsaOrderBySince(String esa);

    /** Ends the network's current chair, if it has one. */
    @Query("UPDATE network_chair SET until = :until WHERE esa = :esa AND until IS NULL")
    void endCurrent(String esa, Instant until);
}
