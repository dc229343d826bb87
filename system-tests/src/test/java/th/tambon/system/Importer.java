package th.tambon.system;

import th.tambon.testkit.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tambon-import} (importer/) run from its packaged jar as {@code bin/dev import} runs it, as an OBEC admin. */
final class Importer {
    private final Path root;
    private final String gatewayUrl;

    /** The importer of the checkout at {@code root}, sending its imports to the gateway at {@code gatewayUrl}. */
    Importer(Path root, String gatewayUrl) {
        this.root = root;
        this.gatewayUrl = gatewayUrl;
    }

    /** Starts it with these arguments ({@code import} gets {@code --gateway}), for the caller to wait for or kill. */
    Process start(String... args) {
        String version = System.getProperty("tambon.version", "0.1.0-SNAPSHOT");
        Path jar = root.resolve("importer/target/importer-" + version + ".jar");
        assertThat(jar).as("the importer's packaged jar").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        if (args[0].equals("import")) {
            command.addAll(List.of("--gateway", gatewayUrl));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TAMBON_TOKEN", TestTokens.admin());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs it with these arguments to its end (5 minutes at most). */
    Run run(String... args) {
        Process process = start(args);
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One run of the importer: its exit code and everything it printed. */
    record Run(int exit, String output) {
        /** The summary row of a section: created, updated, unchanged, failed (with or without a "waiting" column). */
        int[] row(String section) {
            return new int[]{column(section, "created"), column(section, "updated"), column(section, "unchanged"),
                    column(section, "failed")};
        }

        /** The actual figure of a row of the {@code --check} table, which must be marked as expected (✓). */
        String figure(String esa, int fiscalYear, String field) {
            Matcher row = Pattern.compile("(?m)^" + Pattern.quote(esa) + " +" + fiscalYear + " +" + field
                    + " +(\\S+) +(\\S+) +(\\S+)$").matcher(output);
            assertThat(row.find()).as("a check row for " + esa + " " + fiscalYear + " " + field + " in:\n" + output)
                    .isTrue();
            assertThat(row.group(3)).as(row.group()).isEqualTo("✓");
            return row.group(2);
        }

        /** The section's items waiting for another service (0 when the summary has no "waiting" column). */
        int waiting(String section) {
            return columns().contains("waiting") ? column(section, "waiting") : 0;
        }

        private List<String> columns() {
            Matcher header = Pattern.compile("(?m)^section +(.+)$").matcher(output);
            assertThat(header.find()).as("a summary table in:\n" + output).isTrue();
            return List.of(header.group(1).strip().split(" +"));
        }

        private int column(String section, String name) {
            Matcher row = Pattern.compile("(?m)^" + section + " +([\\d ]+)$").matcher(output);
            assertThat(row.find()).as("a summary row for " + section + " in:\n" + output).isTrue();
            String[] counts = row.group(1).strip().split(" +");
            return Integer.parseInt(counts[columns().indexOf(name)]);
        }
    }
}
