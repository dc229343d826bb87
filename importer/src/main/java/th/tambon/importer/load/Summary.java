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
 * not tried because something they need failed are counted under that cause), the notes on items left unchanged, the
 * items waiting for another service (a "waiting" column, only when some are), the skipped sections, and, when the
 * import stopped, why and how many items of each section it did not get to.
 */
public final class Summary {
    private static final String NOT_TRIED = "not tried: ";

    private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private final Map<String, String> skipped = new LinkedHashMap<>();
    private final List<Entry> failures = new ArrayList<>();
    private final List<Entry> notes = new ArrayList<>();
    private final List<Entry> waiting = new ArrayList<>();
    private final boolean dryRun;
    private String stoppedBecause;
    private Throwable error;

    public Summary(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** A line under the table about one item: why it failed, or a note on it. */
    private record Entry(int section, Item item, String reason) {
    }

    /** A section of {@code size} items, in the order they are loaded. */
    synchronized void section(String name, int size) {
        counts.computeIfAbsent(name, n -> new EnumMap<>(Outcome.class));
        sizes.put(name, size);
    }

    synchronized void add(String section, Item item, Result result) {
        counts.computeIfAbsent(section, n -> new EnumMap<>(Outcome.class)).merge(result.outcome(), 1, Integer::sum);
        if (result.outcome() == Outcome.FAILED) {
            failures.add(new Entry(List.copyOf(counts.keySet()).indexOf(section), item, result.reason()));
        } else if (result.outcome() == Outcome.WAITING) {
            waiting.add(new Entry(List.copyOf(counts.keySet()).indexOf(section), item, result.reason()));
        } else if (result.reason() != null) {
            notes.add(new Entry(List.copyOf(counts.keySet()).indexOf(section), item, result.reason()));
        }
    }

    synchronized void skip(String section, String why) {
        skipped.put(section, why);
    }

    synchronized void stop(String why) {
        stoppedBecause = why;
    }

    /** Stopped by something the importer did not expect: a bug, not a failed item. */
    synchronized void stopUnexpectedly(Throwable error) {
        this.error = error;
        stoppedBecause = error.toString();
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

    /** What stopped the import when it was a bug, else null. */
    public synchronized Throwable error() {
        return error;
    }

    /** Items of the section the import did not finish, because it stopped first. */
    public synchronized int notDone(String section) {
        int done = counts.getOrDefault(section, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        return sizes.getOrDefault(section, 0) - done;
    }

    public synchronized Map<String, String> skipped() {
        return Map.copyOf(skipped);
    }

    /** Each failure as "path (key): reason", in file order, cascades included. */
    public synchronized List<String> failures() {
        return ordered(failures).stream().map(f -> f.item().path() + " (" + f.item().key() + "): " + f.reason()).toList();
    }

    /** In file order: by section, then by place in the section. */
    private static List<Entry> ordered(List<Entry> entries) {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt(Entry::section).thenComparingInt(f -> f.item().position()));
        return ordered;
    }

    /** Each waiting item as "path (key): what it waits for", in file order. */
    public synchronized List<String> waiting() {
        return ordered(waiting).stream().map(w -> w.item().path() + " (" + w.item().key() + "): " + w.reason())
                .toList();
    }

    /**
     * The table ("waiting" when some items wait for another service, "not done" when the import stopped), the skipped
     * sections, failures, the waiting items, notes, what next.
     */
    public synchronized void print(PrintStream out) {
        boolean stopped = stoppedBecause != null;
        boolean anyWaiting = !waiting.isEmpty();
        String format = "%-14s %9s %9s %10s" + (anyWaiting ? " %8s" : "%s") + " %7s" + (stopped ? " %9s" : "%s") + "%n";
        out.println();
        if (dryRun) {
            out.println("Dry run: nothing was written; the table says what an import would do.");
        }
        out.printf(format, "section", "created", "updated", "unchanged", anyWaiting ? "waiting" : "", "failed",
                stopped ? "not done" : "");
        counts.forEach((section, c) -> out.printf(format, section, c.getOrDefault(Outcome.CREATED, 0),
                c.getOrDefault(Outcome.UPDATED, 0), c.getOrDefault(Outcome.UNCHANGED, 0),
                anyWaiting ? c.getOrDefault(Outcome.WAITING, 0) : "", c.getOrDefault(Outcome.FAILED, 0),
                stopped ? notDone(section) : ""));
        skipped.forEach((section, why) -> out.printf("%-14s skipped: %s%n", section, why));
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failed (" + failures.size() + "):");
            Map<String, List<Entry>> cascades = new LinkedHashMap<>();
            for (Entry failure : ordered(failures)) {
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
        if (anyWaiting) {
            out.println();
            out.println("Waiting (" + waiting.size() + "), not failed: run the same import again later to go on:");
            ordered(waiting).forEach(w -> out.println("  " + w.item().path() + " (" + w.item().key() + "): "
                    + w.reason()));
        }
        if (!notes.isEmpty()) {
            out.println();
            out.println("Unchanged, with a note (" + notes.size() + "):");
            ordered(notes).forEach(note -> out.println("  " + note.item().path() + " (" + note.item().key() + "): "
                    + note.reason()));
        }
        if (stopped) {
            out.println();
            if (error == null) {
                out.println("The import stopped: " + stoppedBecause);
                out.println("What was loaded stays; run the same import again to go on from there.");
            } else {
                out.println("The import stopped on an unexpected error, a bug in the importer: " + stoppedBecause);
                out.println("What was loaded stays; please report the error with its stack trace (error output).");
            }
        }
    }
}
