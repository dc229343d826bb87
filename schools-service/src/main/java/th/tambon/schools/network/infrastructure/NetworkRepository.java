package th.tambon.schools.network.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.schools.network.model.Network;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The {@code network} table with its members, in terms of {@link Network}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkRepository extends CrudRepository<NetworkRow, String> {

    @Query("SELECT school FROM network_member WHERE esa = :esa ORDER BY school")
    List<String> memberCodes(String esa);

    default Optional<Network> find(String esa) {
        return findById(esa).map(row -> new Network(row.esa(), row.chairSchool(), row.chairPerson(),
                new HashSet<>(memberCodes(esa))));
    }
}
