package th.tambon.testkit.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates and drops databases by name on a server. */
public final class Databases {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    /** Creates the database unless it exists; true when it was created. */
    public static boolean createIfMissing(PostgresServer server, String name) throws SQLException {
        checkName(name);
        try (Connection admin = server.connect("postgres")) {
            try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
            return true;
        }
    }

    /** Drops the database, closing any connection still open on it. */
    public static void drop(PostgresServer server, String name) throws SQLException {
        checkName(name);
        try (Connection admin = server.connect("postgres"); Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches() || name.equals("postgres") || name.equals("test")
                || name.startsWith("template")) {
            throw new IllegalArgumentException("Refusing database name " + name);
        }
    }
}
