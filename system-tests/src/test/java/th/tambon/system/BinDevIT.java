package th.tambon.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/dev's own output, run as bin/dev runs it (set -euo pipefail), without starting the stack. */
class BinDevIT {
    private static final Path ROOT = Path.of(System.getProperty("tambon.root", "..")).toAbsolutePath().normalize();

    @Test
    void the_banner_after_up_shows_how_to_get_a_token_literally_and_fails_on_nothing() throws Exception {
        Result result = bash("source bin/dev && PG_PORT=5432 && print_urls");

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("TOKEN=$(bin/dev token --role OBEC_ADMIN)")
                .contains("Authorization: Bearer $TOKEN");
    }

    @Test
    void a_token_request_with_a_role_that_needs_a_scope_but_has_none_is_refused_with_the_reason() throws Exception {
        Result result = bash("TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789 bin/dev token --role ESA_OFFICER");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("an ESA_OFFICER token needs --esa CODE");
    }

    @Test
    void a_token_names_the_issuer_and_audience_the_services_expect_and_when_it_starts() throws Exception {
        Result local = bash("TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789 bin/dev token --role VIEWER");
        Result elsewhere = bash("TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789 "
                + "TAMBON_JWT_ISSUER=https://sso.example.org/realms/tambon TAMBON_JWT_AUDIENCE=tambon-prod "
                + "bin/dev token --role VIEWER");

        assertThat(local.exit()).as(local.output()).isZero();
        assertThat(payloadOf(local.output())).contains("\"iss\":\"tambon-local\"", "\"aud\":\"tambon-api\"", "\"nbf\":",
                "\"iat\":");
        assertThat(payloadOf(elsewhere.output()))
                .contains("\"iss\":\"https://sso.example.org/realms/tambon\"", "\"aud\":\"tambon-prod\"");
    }

    @Test
    void a_token_longer_than_the_services_accept_is_refused_with_the_reason_and_the_importers_twelve_hours_are_not()
            throws Exception {
        String secret = "TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789 ";
        Result twelveHours = bash(secret + "bin/dev token --role OBEC_ADMIN --ttl 12h");
        Result aWeek = bash(secret + "bin/dev token --role OBEC_ADMIN --ttl 7d");
        Result overAShorterMaximum = bash(secret + "TAMBON_JWT_MAX_LIFETIME=1h bin/dev token --role VIEWER --ttl 61m");

        assertThat(twelveHours.exit()).as(twelveHours.output()).isZero();
        assertThat(aWeek.exit()).isEqualTo(2);
        assertThat(aWeek.output()).contains("--ttl 7d is longer than the services accept (12h, TAMBON_JWT_MAX_LIFETIME)");
        assertThat(overAShorterMaximum.exit()).isEqualTo(2);
        assertThat(overAShorterMaximum.output()).contains("--ttl 61m is longer than the services accept (1h");
    }

    @Test
    void import_reads_the_file_relative_to_where_it_was_run_and_refuses_a_missing_file_argument() throws Exception {
        Result valid = bash("cd importer/src && ../../bin/dev import --validate-only test/resources/scenarios/seed-2563.json");
        Result missing = bash("bin/dev import");

        assertThat(valid.exit()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("test/resources/scenarios/seed-2563.json is valid.");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("import: FILE is required");
    }

    @Test
    void import_asks_for_a_token_as_long_as_the_services_accept_so_a_lower_maximum_does_not_refuse_it() throws Exception {
        Result result = bash("""
                export TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789 TAMBON_JWT_MAX_LIFETIME=90m
                source bin/dev
                run_importer() { printf 'token %s\\n' "$TAMBON_TOKEN"; }   # what the importer would be given
                cmd_import scenario.json
                """);

        assertThat(result.exit()).as(result.output()).isZero();
        String token = result.output().lines().filter(line -> line.startsWith("token ")).findFirst().orElseThrow()
                .substring("token ".length());
        com.fasterxml.jackson.databind.JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(payloadOf(token));
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(90 * 60);
    }

    @Test
    void topics_hides_slf4js_own_lines_and_shows_any_other_error_with_its_exit_code() throws Exception {
        Result result = bash("""
                source bin/dev
                work=$(mktemp -d)
                printf '%s\\n' '#!/bin/bash' \\
                  'echo "SLF4J(W): Class path contains multiple SLF4J providers." >&2' \\
                  'echo "SLF4J: See https://www.slf4j.org/codes.html#multiple_bindings" >&2' \\
                  'echo "Dynamic configs for topic schools.v1 are:"' \\
                  'echo "Error while executing config command: TimeoutException" >&2' \\
                  'exit 1' > "$work/java"
                chmod +x "$work/java"
                JAVA=$work/java
                tcp_open() { :; }; ensure_testkit_classpath() { :; }; testkit_classpath() { echo none; }
                status=0; cmd_topics || status=$?
                rm -rf "$work"
                echo "exit $status"
                """);

        assertThat(result.output()).as(result.output()).contains("Dynamic configs for topic schools.v1 are:",
                "Error while executing config command: TimeoutException", "exit 1").doesNotContain("SLF4J");
    }

    @Test
    void a_service_runs_from_a_copy_of_its_jar_that_a_later_build_and_start_replace_without_touching_the_running_one()
            throws Exception {
        Result result = bash("""
                source bin/dev
                work=$(mktemp -d); RUN_DIR=$work/run
                jar_path() { echo "$work/built-$1.jar"; }
                echo first > "$work/built-demo.jar"
                stage_jar demo
                exec 3< "$(run_jar demo)"           # the running JVM's open jar
                echo second > "$work/built-demo.jar" # a build rewrites the jar in place
                stage_jar demo                       # the next start
                echo "running: $(cat <&3) staged: $(cat "$(run_jar demo)") marker: $(component_marker schools-service)"
                rm -rf "$work"
                """);

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("running: first staged: second marker: /.dev/run/schools-service.jar|/schools-service/target/schools-service-");
    }

    @Test
    void env_prints_the_environment_bin_dev_starts_a_service_with_so_a_second_instance_can_start_the_same_way()
            throws Exception {
        String secret = "TAMBON_JWT_SECRET=x-secret-that-is-long-enough-for-hs256-0123456789";
        Result printed = bash(secret + " bin/dev env events-service");
        Result started = bash("export " + secret + "\n" + """
                source bin/dev
                ensure_dirs; choose_postgres
                stage_jar() { :; }
                spawn() { shift; printf '%s\\n' "$@"; }   # what start_app runs, one argument a line
                start_app events-service
                """);
        Result unknown = bash("bin/dev env kafka");

        assertThat(printed.exit()).as(printed.output()).isZero();
        assertThat(printed.output().lines()).contains(secret, "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092",
                "MICRONAUT_SERVER_PORT=8082").anyMatch(line -> line.matches("DATASOURCE_URL=jdbc:postgresql://127\\.0\\.0\\.1:\\d+/events"));
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output().lines().toList()).containsSubsequence(printed.output().lines().toList());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("env: unknown app 'kafka'");
    }

    private record Result(int exit, String output) {
    }

    private static String payloadOf(String token) {
        return new String(java.util.Base64.getUrlDecoder().decode(token.trim().split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static Result bash(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -euo pipefail; " + script).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
