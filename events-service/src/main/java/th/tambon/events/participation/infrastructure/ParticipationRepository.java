package th.tambon.events.participation.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

/** The {@code activity_participation} table, one row per activity; {@link Participations} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ParticipationRepository extends CrudRepository<ParticipationRow, UUID> {
}
