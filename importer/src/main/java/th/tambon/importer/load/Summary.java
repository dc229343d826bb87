package th.tambon.importer.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did, per section: the counts of each {@link Outcome}, the failures with reasons, the skipped sections. */
public final class Summary {
    private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final boolean dryRun;
    private String stoppedBecause;

    public Summary(boolean dryRun) {
        this.dryRun = dryRun;
    }

    synchronized void section(String name) {
        counts.computeIfAbsent(name, n -> new EnumMap<>(Outcome.class));
    }

    synchronized void add(String section, Item item, Result result) {
        counts.computeIfAbsent(section, n -> new EnumMap<>(Outcome.class)).merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == Outcome.FAILED) {
            failures.add(item.path() + " (" + item.key() + "): " + result.reason());
        }
    }

    synchronized void skip(String section, String why) {
        skipped.put(section, why);
    }

    synchronized void stop(String why) {
        stoppedBecause = why;
    }

    public synchronized int count(String section, Outcome outcome) {
        return counts.getOrDefault(section, Map.of()).getOrDefault(outcome, 0);
    }

    public synchronized int total(Outcome outcome) {
        return counts.values().stream().mapToInt(c -> c.getOrDefault(outcome, 0)).sum();
    }

    public synchronized boolean stopped() {
        return stoppedBecause != null;
    }

    public synchronized Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The table, then each failure and skipped section, then what to do next. */
    public synchronized void print(PrintStream out) {
        String format = "%-14s %9s %9s %10s %7s%n";
        out.println();
        if (dryRun) {
            out.println("Dry run: nothing was written; the table says what an import would do.");
        }
        out.printf(format, "section", "created", "updated", "unchanged", "failed");
        counts.forEach((section, c) -> out.printf(format, section, c.getOrDefault(Outcome.CREATED, 0),
                c.getOrDefault(Outcome.UPDATED, 0), c.getOrDefault(Outcome.UNCHANGED, 0), c.getOrDefault(Outcome.FAILED, 0)));
        skipped.forEach((section, why) -> out.printf("%-14s skipped: %s%n", section, why));
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failed (" + failures.size() + "):");
            failures().forEach(failure -> out.println("  " + failure));
        }
        if (stoppedBecause != null) {
            out.println();
            out.println("The import stopped: " + stoppedBecause);
            out.println("What was loaded stays; run the same import again to go on from there.");
        }
    }
}
