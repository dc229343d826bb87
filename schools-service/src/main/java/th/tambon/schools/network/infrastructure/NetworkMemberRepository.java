package th.tambon.schools.network.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

/** The {@code network_member} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkMemberRepository extends CrudRepository<NetworkMemberRow, UUID> {

    void deleteByEsaAndSchool(String esa, String school);
}
