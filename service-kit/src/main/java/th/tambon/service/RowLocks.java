package th.tambon.service;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads rows {@code FOR NO KEY UPDATE}, the lock every repository here takes on a row it means to change: it keeps out
 * every other writer of the row, but not the key-share lock a foreign-key check takes when a row referring to it is
 * inserted (a plan referring to its school and ESA), which plain {@code FOR UPDATE} would wait for, and deadlock with.
 * Through JDBC because Micronaut Data's {@code @Query} (its RawQueryMethodMatcher, 4.14) runs any query containing the
 * word UPDATE as a write unless it says {@code FOR UPDATE} itself: {@code SELECT … FOR NO KEY UPDATE} would fail there.
 */
public final class RowLocks {
    private RowLocks() {
    }

    /**
     * The rows of {@code type} that {@code sql} (a {@code SELECT … FOR NO KEY UPDATE} with {@code ?} parameters)
     * returns, in its order. A collection parameter is bound as an array of text, for {@code = ANY (?)}.
     */
    public static <T> List<T> read(JdbcOperations jdbc, Class<T> type, String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                statement.setObject(i + 1, parameter instanceof Collection<?> values
                        ? statement.getConnection().createArrayOf("text", values.toArray()) : parameter);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(jdbc.readEntity(result, type));
                }
            }
            return rows;
        });
    }
}
