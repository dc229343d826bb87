package th.tambon.budget.saga.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.service.RowLocks;

import java.util.Optional;
import java.util.UUID;

/** The {@code commitment} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class CommitmentRepository implements CrudRepository<CommitmentRow, UUID> {
    private final JdbcOperations jdbc;

    protected CommitmentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The commitment of an activity's request, locked until the transaction ends. */
    public Optional<CommitmentRow> lock(UUID activity, int request) {
        return RowLocks.read(jdbc, CommitmentRow.class,
                "SELECT * FROM commitment WHERE activity = ? AND request = ? FOR NO KEY UPDATE", activity, request)
                .stream().findFirst();
    }
}
