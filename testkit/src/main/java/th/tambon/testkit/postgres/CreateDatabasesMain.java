package th.tambon.testkit.postgres;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates (or with {@code --drop}, drops) databases for {@code bin/dev} without needing a psql client:
 * {@code CreateDatabasesMain --url jdbc:postgresql://127.0.0.1:5432/postgres --user postgres [--drop] schools events budget}.
 */
public final class CreateDatabasesMain {
    private CreateDatabasesMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = "postgres";
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        boolean drop = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--drop" -> drop = true;
                default -> names.add(args[i]);
            }
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        PostgresServer server = new PostgresServer(url, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user,
                password);
        for (String name : names) {
            if (drop) {
                Databases.drop(server, name);
                System.out.println("dropped database " + name);
            } else if (Databases.createIfMissing(server, name)) {
                System.out.println("created database " + name);
            } else {
                System.out.println("database " + name + " exists");
            }
        }
    }
}
