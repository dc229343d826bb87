package th.tambon.messaging;

import th.tambon.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the kit's tests read and write in their database directly, to set a scene or check what the kit did. */
record KitSql(TestDatabase database) {

    void execute(String sql) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.createStatement().execute(sql);
        }
    }

    /** The first column of the first row, or null when there is none. */
    String text(String sql) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    int count(String sql) {
        return Math.toIntExact(database.queryLong(sql));
    }
}
