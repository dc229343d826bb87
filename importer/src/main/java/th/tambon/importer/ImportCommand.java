package th.tambon.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import th.tambon.importer.check.Checked;
import th.tambon.importer.check.CheckingFigures;
import th.tambon.importer.check.Eventually;
import th.tambon.importer.gateway.GatewayRefused;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.RetryPolicy;
import th.tambon.importer.load.ActivitySection;
import th.tambon.importer.load.BudgetSection;
import th.tambon.importer.load.ConsoleProgress;
import th.tambon.importer.load.DesignationSection;
import th.tambon.importer.load.EsaSection;
import th.tambon.importer.load.Loader;
import th.tambon.importer.load.NetworkSection;
import th.tambon.importer.load.Outcome;
import th.tambon.importer.load.Progress;
import th.tambon.importer.load.SchoolSection;
import th.tambon.importer.load.Section;
import th.tambon.importer.load.Summary;
import th.tambon.importer.scenario.ScenarioProblem;
import th.tambon.importer.scenario.ScenarioValidator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code import FILE}: validates the whole file (and stops, listing every problem, if it breaks a rule), then loads
 * {@code esas}, {@code schools}, their quality-school designations, {@code networks}, {@code budget} (OBEC's allocation
 * rounds) and {@code activities} (each driven to its outcome through the funding saga) through the gateway, and prints a
 * summary table. Idempotent by natural key; a run cut short
 * resumes when run again. An activity waiting for budget-service's answer is not a failure: the exit code stays 0.
 * With {@code --check} a successful import is followed by comparing the file's {@code expect} figures with the
 * gateway's reports ({@link CheckingFigures}); {@code --check-only} compares them without loading.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validates a tambon-scenario/1 file, then loads its ESAs, schools, quality-school designations, "
                + "networks, budget rounds and activities (each driven to its outcome, its funding committed, spent "
                + "or released by budget-service) through the gateway, as any client would.",
                "Running it again changes nothing that is already loaded (\"unchanged\"); after a crash it resumes.",
                "An activity whose funding budget-service has not answered yet is \"waiting\" (for budget), not "
                        + "failed: run the import again later to take it on.",
                "--check then compares each figure of the file's expect list with the gateway's report of that ESA "
                        + "and fiscal year (GET /api/v1/esas/{esa}/report?fiscalYear=) and prints a table: esa, "
                        + "fiscalYear, field, expected, actual, \u2713 or \u2717. A figure whose section of the report "
                        + "(schools, events, budget) is not OK shows that section's status instead. While anything "
                        + "differs the check is made again, for up to --check-wait seconds, as the services catch up."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything loaded or already there (or waiting for budget); with --check or --check-only, "
                + "every expected figure as the gateway reports it",
                "1:some items failed (listed in the summary)",
                "2:wrong command line", "3:the file is unreadable or breaks a rule; nothing was written",
                "4:stopped: the token was refused or the gateway stayed away; run again to resume",
                "5:an unexpected error, a bug in the importer (its stack trace is printed); what was loaded stays",
                "6:--check or --check-only: a figure differs from the file's expect list (still after --check-wait), "
                        + "a report could not be read, or its section was not OK; what was loaded stays"},
        exitCodeOnExecutionException = TambonImport.UNEXPECTED)
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the scenario file (JSON, tambon-scenario/1)")
    Path file;

    @Option(names = "--gateway", paramLabel = "URL", defaultValue = "${env:TAMBON_GATEWAY_URL:-http://127.0.0.1:8080}",
            description = "the gateway's base URL (default: $TAMBON_GATEWAY_URL, else ${DEFAULT-VALUE})")
    URI gateway;

    @Option(names = "--token", paramLabel = "JWT", defaultValue = "${env:TAMBON_TOKEN}",
            description = "an OBEC_ADMIN token (default: $TAMBON_TOKEN; bin/dev import makes one)")
    String token;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "items of a section loaded at once, 1 to 32 (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--dry-run", description = "compare with the registry and say what would change; write nothing")
    boolean dryRun;

    @Option(names = "--validate-only", description = "only check the file; do not contact the gateway")
    boolean validateOnly;

    @Option(names = "--check", description = "after a successful import, compare the file's expect figures with "
            + "the gateway's reports; exit 6 when one differs")
    boolean check;

    @Option(names = "--check-only", description = "validate the file and compare its expect figures with the gateway's "
            + "reports, loading nothing (not with --dry-run or --validate-only)")
    boolean checkOnly;

    @Option(names = "--check-wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long --check tries again while a figure differs, as the services catch up with the "
                    + "import, 0 (one attempt) to 600 (default ${DEFAULT-VALUE})")
    int checkWait;

    @Option(names = "--no-progress", description = "no progress bar, even on a terminal")
    boolean noProgress;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "8",
            description = "tries per request when the gateway is over its limit (429) or a service is away (502-504), "
                    + "1 to 100 (default ${DEFAULT-VALUE})")
    int maxAttempts;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Function<Path, List<Section>> sections;

    ImportCommand() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), System.console() != null,
                ImportCommand::sections);
    }

    /** {@code sections} gives the sections to load from the file's path (a test passes its own). */
    ImportCommand(PrintStream out, PrintStream err, boolean terminal, Function<Path, List<Section>> sections) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.sections = sections;
    }

    /** What this version loads, in order. */
    static List<Section> sections(Path file) {
        return List.of(new EsaSection(), new SchoolSection(), new DesignationSection(file.getFileName().toString()),
                new NetworkSection(), new BudgetSection(), new ActivitySection());
    }

    @Override
    public Integer call() {
        if (parallel < 1 || parallel > 32 || maxAttempts < 1 || maxAttempts > 100) {
            err.println("--parallel must be 1 to 32 and --max-attempts 1 to 100");
            return TambonImport.USAGE;
        }
        if ((check || checkOnly) && (validateOnly || dryRun)) {
            err.println("--check and --check-only read the gateway's reports: not with --validate-only, which does not "
                    + "contact the gateway, nor with --dry-run, which loads nothing to check (--check-only checks what "
                    + "the registry holds now)");
            return TambonImport.USAGE;
        }
        if (checkWait < 0 || checkWait > 600) {
            err.println("--check-wait must be 0 to 600 seconds");
            return TambonImport.USAGE;
        }
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode scenario;
        try {
            scenario = json.readTree(Files.readAllBytes(file));
        } catch (JsonParseException e) {
            err.println(file + " is not JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); nothing was written");
            return TambonImport.REJECTED;
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e);
            return TambonImport.REJECTED;
        }
        List<ScenarioProblem> problems = new ScenarioValidator(ScenarioValidator.today()).validate(scenario);
        if (!problems.isEmpty()) {
            err.println(file + " breaks " + problems.size() + (problems.size() == 1 ? " rule" : " rules")
                    + "; nothing was written:");
            problems.forEach(problem -> err.println("  " + problem));
            return TambonImport.REJECTED;
        }
        if (validateOnly) {
            out.println(file + " is valid.");
            return TambonImport.OK;
        }
        if (token == null || token.isBlank()) {
            err.println("No token: pass --token or set TAMBON_TOKEN to an OBEC_ADMIN token (bin/dev import makes one)");
            return TambonImport.USAGE;
        }
        Gateway client = new Gateway(gateway, token.strip(),
                new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30)), json);
        String unreachable = client.unreachable();
        if (unreachable != null) {
            err.println("Cannot reach the gateway at " + gateway + " (" + unreachable + "). Is Tambon up? bin/dev up -d "
                    + "starts it; --gateway or TAMBON_GATEWAY_URL points elsewhere. Nothing was written.");
            return TambonImport.STOPPED;
        }
        if (checkOnly) {
            out.println("Checking the figures " + file.getFileName() + " expects with " + gateway);
            return check(client, scenario);
        }
        Progress progress = noProgress ? Progress.NONE : new ConsoleProgress(terminal, out);
        out.println((dryRun ? "Comparing " : "Loading ") + file.getFileName() + " with " + gateway
                + (scenario.hasNonNull("title") ? "\n  " + scenario.get("title").asText() : ""));
        Summary summary = new Loader(client, sections.apply(file), progress, parallel, dryRun).load(scenario);
        summary.print(out);
        out.println("Gateway: " + client.stats());
        if (summary.error() != null) {
            summary.error().printStackTrace(err);
            return TambonImport.UNEXPECTED;
        }
        if (summary.stopped()) {
            return TambonImport.STOPPED;
        }
        if (summary.total(Outcome.FAILED) > 0) {
            return TambonImport.SOME_FAILED;
        }
        return check ? check(client, scenario) : TambonImport.OK;
    }

    /** Compares the file's expect figures with the gateway's reports and prints the table once, at the end. */
    private int check(Gateway client, JsonNode scenario) {
        JsonNode expect = scenario.path("expect");
        if (!expect.isArray() || expect.isEmpty()) {
            out.println("The file expects no figures (its expect list is empty or absent): nothing to check.");
            return TambonImport.OK;
        }
        Checked checked;
        try {
            checked = new CheckingFigures(client, Eventually.within(Duration.ofSeconds(checkWait)), out).check(expect);
        } catch (GatewayRefused e) {
            err.println("The check stopped: " + e.getMessage());
            return TambonImport.STOPPED;
        }
        out.println();
        checked.print(out);
        return checked.ok() ? TambonImport.OK : TambonImport.CHECK_FAILED;
    }
}
