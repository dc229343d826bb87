package th.tambon.schools.shared;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers that run on the connection of the current transaction. */
@Singleton
public class Sql {
    private final TransactionOperations<Connection> transactions;

    public Sql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public int update(String sql, Binder binder) {
        try (PreparedStatement statement = transactions.getConnection().prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    public <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement statement = transactions.getConnection().prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
        return query(sql, binder, mapper).stream().findFirst();
    }

    public long count(String sql, Binder binder) {
        return one(sql, binder, row -> row.getLong(1)).orElse(0L);
    }
}
