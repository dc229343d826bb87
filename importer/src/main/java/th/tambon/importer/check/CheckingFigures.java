package th.tambon.importer.check;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayUnavailable;
import th.tambon.importer.gateway.Reply;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code import --check}: reads the gateway's report of each {@code expect} entry's ESA and fiscal year
 * ({@code GET /api/v1/esas/{esa}/report?fiscalYear=}) and compares its eight figures with the file's. A figure whose
 * section of the report is not OK is not compared (its row names the section and its status), and a report that cannot
 * be read fails all of its figures. The services learn from Kafka a moment after the import, so while anything differs
 * the whole check is made again, for {@link Eventually#within()}; only the last attempt is kept. A refused token
 * ({@code GatewayRefused}) is not caught: no later attempt would fare better.
 */
public final class CheckingFigures {
    private final Gateway gateway;
    private final Eventually patience;
    private final PrintStream out;
    private final Sleeper sleeper;

    public CheckingFigures(Gateway gateway, Eventually patience, PrintStream out) {
        this(gateway, patience, out, CheckingFigures::sleep);
    }

    CheckingFigures(Gateway gateway, Eventually patience, PrintStream out, Sleeper sleeper) {
        this.gateway = gateway;
        this.patience = patience;
        this.out = out;
        this.sleeper = sleeper;
    }

    /** The outcome of the last attempt. {@code expect} is the file's list, valid ({@code ScenarioValidator}). */
    public Checked check(JsonNode expect) {
        long start = System.nanoTime();
        Duration pause = patience.pauses().first();
        for (int attempt = 1; ; attempt++) {
            Checked checked = once(expect, attempt, Duration.ofNanos(System.nanoTime() - start));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (checked.ok() || waited.plus(pause).compareTo(patience.within()) > 0) {
                return checked;
            }
            out.printf("  %d of %d figures not as expected yet; checking again in %s (%d s of at most %d s)%n",
                    checked.failed(), checked.figures(), seconds(pause), waited.toSeconds(),
                    patience.within().toSeconds());
            sleeper.sleep(pause);
            pause = patience.pauses().after(pause);
        }
    }

    private Checked once(JsonNode expect, int attempt, Duration took) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode entry : expect) {
            String esa = entry.get("esa").asText();
            int year = entry.get("fiscalYear").asInt();
            String path = "/api/v1/esas/" + esa + "/report?fiscalYear=" + year;
            String unreadable;
            JsonNode report = null;
            try {
                Reply reply = gateway.get(path);
                if (!reply.ok()) {
                    unreadable = "GET " + path + " answered " + reply.status() + ": " + reply.problem();
                } else if (reply.body() == null || !reply.body().isObject()) {
                    unreadable = "GET " + path + " answered " + reply.status() + " without a JSON object";
                } else {
                    unreadable = null;
                    report = reply.body();
                }
            } catch (GatewayUnavailable e) {
                unreadable = e.getMessage();
            }
            if (report == null) {
                rows.add(new Row(esa, year, "report", Figure.values().length + " figures", "unreadable",
                        Row.Mark.UNREADABLE));
                notes.add(esa + " " + year + ": " + unreadable);
                continue;
            }
            for (Figure figure : Figure.values()) {
                rows.add(row(esa, year, figure, entry.get(figure.field()), report));
            }
        }
        return new Checked(rows, notes, expect.size(), attempt, took);
    }

    private static Row row(String esa, int year, Figure figure, JsonNode expected, JsonNode report) {
        JsonNode status = report.path("sections").get(figure.section());
        if (status == null || !status.isTextual() || !status.asText().equals("OK")) {
            String said = status == null || status.isNull() ? "(no status)" : Figure.shown(status);
            return new Row(esa, year, figure.field(), Figure.shown(expected), figure.section() + " " + said,
                    Row.Mark.SECTION_NOT_OK);
        }
        JsonNode actual = report.get(figure.field());
        return new Row(esa, year, figure.field(), Figure.shown(expected), Figure.shown(actual),
                figure.matches(expected, actual) ? Row.Mark.AS_EXPECTED : Row.Mark.DIFFERS);
    }

    private static String seconds(Duration pause) {
        return pause.toMillis() % 1000 == 0 ? pause.toSeconds() + " s" : pause.toMillis() / 1000.0 + " s";
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailable("interrupted while waiting to check again", e);
        }
    }

    /** Waits between attempts; a test may pass one that does not. */
    interface Sleeper {
        void sleep(Duration pause);
    }
}
