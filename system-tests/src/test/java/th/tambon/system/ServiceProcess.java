package th.tambon.system;

import th.tambon.testkit.Eventually;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One service started from its packaged jar as a separate process, as bin/dev and the containers run it. */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String module, int port, Map<String, String> env) {
        return start(module, module, port, env);
    }

    /** As {@link #start(String, int, Map)}, logging to {@code target/processes/<logName>.log}. */
    static ServiceProcess start(String module, String logName, int port, Map<String, String> env) {
        Path root = Path.of(System.getProperty("tambon.root", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("tambon.version", "0.1.0-SNAPSHOT");
        Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
        assertThat(jar).as("packaged jar of " + module + " (run mvn package first)").exists();
        Path log = root.resolve("system-tests/target/processes/" + logName + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("TAMBON_JWT_SECRET", TestTokens.SECRET);
            builder.environment().putAll(env);
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            return new ServiceProcess(module, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + module, e);
        }
    }

    /** A service from its jar on a free port, on that database (a pool of 4) and that broker. */
    static ServiceProcess startService(String module, TestDatabase database, String kafka) {
        return startService(module, module, database, kafka, Map.of());
    }

    /** As {@link #startService(String, TestDatabase, String)}, with more variables, logging to {@code logName}. */
    static ServiceProcess startService(String module, String logName, TestDatabase database, String kafka,
                                       Map<String, String> more) {
        return startService(module, logName, database, kafka, more, FreePorts.find());
    }

    /** As above, on that port (a service started again where the gateway expects it). */
    static ServiceProcess startService(String module, String logName, TestDatabase database, String kafka,
                                       Map<String, String> more, int port) {
        Map<String, String> env = new HashMap<>(Map.of(
                "DATASOURCE_URL", database.jdbcUrl(), "DATASOURCE_USERNAME", database.user(),
                "DATASOURCE_PASSWORD", database.password(), "DATASOURCE_POOL_SIZE", "4",
                "KAFKA_BOOTSTRAP_SERVERS", kafka));
        env.putAll(more);
        return start(module, logName, port, env);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    void awaitReady(Duration timeout) {
        TestHttp http = new TestHttp(url());
        try {
            Eventually.await(timeout, () -> {
                assertThat(process.isAlive()).as(name + " exited; see " + log).isTrue();
                assertThat(http.get("/health/readiness").status()).isEqualTo(200);
            });
        } catch (AssertionError e) {
            throw new AssertionError(name + " not ready: " + e.getMessage() + "\n--- " + log + " ---\n" + tail(), e);
        }
    }

    /** Waits until the process has logged a line containing {@code text}, while it is alive. */
    void awaitLogged(String text, Duration timeout) {
        try {
            Eventually.await(timeout, () -> {
                assertThat(process.isAlive()).as(name + " exited; see " + log).isTrue();
                assertThat(new String(Files.readAllBytes(log), StandardCharsets.UTF_8)).contains(text);
            });
        } catch (AssertionError e) {
            throw new AssertionError(name + " did not log '" + text + "': " + e.getMessage() + "\n--- " + log
                    + " ---\n" + tail(), e);
        }
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux): no shutdown hook, no graceful anything. */
    int kill() {
        try {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " killed").isTrue();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
