package th.tambon.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Validates a tambon-scenario/1 file, then loads its ESAs, schools, quality-school designations, "
                + "networks, budget rounds and activities (each driven to its outcome, its funding committed, spent "
                + "or released by budget-service) through the gateway, as any client would.",
                "Running it again changes nothing that is already loaded (\"unchanged\"); after a crash it resumes.",
                "An activity whose funding budget-service has not answered yet is \"waiting\" (for budget), not "
                        + "failed: run the import again later to take it on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything loaded or already there (or waiting for budget)",
                "1:some items failed (listed in the summary)",
                "2:wrong command line", "3:the file is unreadable or breaks a rule; nothing was written",
                "4:stopped: the token was refused or the gateway stayed away; run again to resume",
                "5:an unexpected error, a bug in the importer (its stack trace is printed); what was loaded stays"},
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
        return summary.total(Outcome.FAILED) > 0 ? TambonImport.SOME_FAILED : TambonImport.OK;
    }
}
