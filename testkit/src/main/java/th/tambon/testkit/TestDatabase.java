package th.tambon.testkit;

import th.tambon.testkit.postgres.Databases;
import th.tambon.testkit.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** A database created for one test class on the shared server, dropped when closed. */
public final class TestDatabase implements AutoCloseable {
    private final PostgresServer server;
    private final String name;

    private TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        PostgresServer server = Infrastructure.postgres();
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (clean.length() > 40) {
            clean = clean.substring(clean.length() - 40);
        }
        String name = "t_" + clean + "_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Databases.createIfMissing(server, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + server.description(), e);
        }
        return new TestDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** The first column of the query's first row as a number: a count, say. */
    public long queryLong(String sql) {
        try (Connection connection = connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row from " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            Databases.drop(server, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }
}
