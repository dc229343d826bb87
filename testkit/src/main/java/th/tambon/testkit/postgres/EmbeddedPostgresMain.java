package th.tambon.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL as a process of its own for {@code bin/dev} when no server answers on 5432:
 * {@code EmbeddedPostgresMain --port 15432 --data-dir .dev/postgres}. Data is kept across restarts; SIGTERM stops it.
 */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = 15432;
        Path dataDir = Path.of(".dev/postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: EmbeddedPostgresMain [--port 15432] [--data-dir .dev/postgres]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (embedded, data in " + dataDir.toAbsolutePath() + ")");
        System.out.flush();
        stopped.await();
    }
}
