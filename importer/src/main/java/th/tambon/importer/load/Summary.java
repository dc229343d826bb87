package th.tambon.importer.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, per section: the counts of each {@link Outcome}, the failures with reasons (in file order; items
 * not tried because something they need failed are counted under that cause), the skipped sections.
 */
public final class Summary {
    private static final String NOT_TRIED = "not tried: ";

    private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final boolean dryRun;
    private String stoppedBecause;

    public Summary(boolean dryRun) {
        this.dryRun = dryRun;
    }

    private record Failure(int section, Item item, String reason) {
    }

    synchronized void section(String name) {
        counts.computeIfAbsent(name, n -> new EnumMap<>(Outcome.class));
    }

    synchronized void add(String section, Item item, Result result) {
        counts.computeIfAbsent(section, n -> new EnumMap<>(Outcome.class)).merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == Outcome.FAILED) {
            failures.add(new Failure(List.copyOf(counts.keySet()).indexOf(section), item, result.reason()));
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

    /** Each failure as "path (key): reason", in file order, cascades included. */
    public synchronized List<String> failures() {
        return ordered().stream().map(f -> f.item().path() + " (" + f.item().key() + "): " + f.reason()).toList();
    }

    private List<Failure> ordered() {
        List<Failure> ordered = new ArrayList<>(failures);
        ordered.sort(Comparator.comparingInt(Failure::section).thenComparingInt(f -> f.item().position()));
        return ordered;
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
            Map<String, List<Failure>> cascades = new LinkedHashMap<>();
            for (Failure failure : ordered()) {
                if (failure.reason().startsWith(NOT_TRIED)) {
                    cascades.computeIfAbsent(failure.reason(), r -> new ArrayList<>()).add(failure);
                } else {
                    out.println("  " + failure.item().path() + " (" + failure.item().key() + "): " + failure.reason());
                }
            }
            cascades.forEach((reason, items) -> out.println("  " + (items.size() == 1
                    ? items.get(0).item().path() + " (" + items.get(0).item().key() + ")"
                    : items.size() + " items from " + items.get(0).item().path()) + ": " + reason));
        }
        if (stoppedBecause != null) {
            out.println();
            out.println("The import stopped: " + stoppedBecause);
            out.println("What was loaded stays; run the same import again to go on from there.");
        }
    }
}
