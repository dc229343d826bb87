package th.tambon.events.activity.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.Optional;
import java.util.UUID;

/** The {@code activity} table; {@link Activities} maps its rows. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ActivityRepository implements CrudRepository<ActivityRow, UUID> {
    private final JdbcOperations jdbc;

    protected ActivityRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract Optional<ActivityRow> findByEsaAndRef(String esa, String ref);

    /** The activity, its row locked until the transaction ends ({@link RowLocks}). */
    public Optional<ActivityRow> lock(UUID id) {
        return RowLocks.read(jdbc, ActivityRow.class, "SELECT * FROM activity WHERE id = ? FOR NO KEY UPDATE", id)
                .stream().findFirst();
    }
}
