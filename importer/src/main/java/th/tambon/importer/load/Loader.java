package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayRefused;
import th.tambon.importer.gateway.GatewayUnavailable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the sections of a validated scenario in order, each one's items {@code parallel} at a time (they are
 * independent within a section). An item whose needs failed (a school whose ESA could not be registered) fails without
 * a request. A refused token or a gateway that stays away stops the import, and so does an unexpected exception (a
 * bug, not a failed item); the items in flight are let finish first, so the summary is final when it is returned. What
 * was loaded stays, and running it again resumes, since every item is compared with the registry first.
 */
public final class Loader {
    /** Top-level members of a scenario that are not sections. */
    private static final Set<String> HEADER = Set.of("format", "title", "description");

    private final Gateway gateway;
    private final List<Section> sections;
    private final Progress progress;
    private final int parallel;
    private final boolean dryRun;

    public Loader(Gateway gateway, List<Section> sections, Progress progress, int parallel, boolean dryRun) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.gateway = gateway;
        this.sections = List.copyOf(sections);
        this.progress = progress;
        this.parallel = parallel;
        this.dryRun = dryRun;
    }

    public Summary load(JsonNode scenario) {
        Summary summary = new Summary(dryRun);
        // each failed item (section:key) and the failure at the root of it, for the items that need it
        Map<String, String> failed = new ConcurrentHashMap<>();
        // what stopped the import: a refused token, a gateway that stayed away, or a bug
        AtomicReference<Throwable> stop = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Section, List<Item>> all = new LinkedHashMap<>();
            for (Section section : sections) {
                all.put(section, section.items(scenario));
                summary.section(section.name(), all.get(section).size());
            }
            for (Map.Entry<Section, List<Item>> section : all.entrySet()) {
                if (stop.get() == null && !section.getValue().isEmpty()) {
                    load(section.getKey(), section.getValue(), pool, summary, failed, stop);
                }
            }
        } catch (RuntimeException | Error e) {
            stop.compareAndSet(null, e);
        } finally {
            pool.shutdown(); // idle by now: every item begun has ended
        }
        Throwable cause = stop.get();
        if (cause instanceof GatewayRefused || cause instanceof GatewayUnavailable) {
            summary.stop(cause.getMessage());
        } else if (cause != null) {
            summary.stopUnexpectedly(cause);
        }
        skipped(scenario, summary);
        return summary;
    }

    /**
     * Loads one section's items and returns when every one has ended. After a stop no item begins, while those in
     * flight run to their end and are counted, so the summary printed next is final and each item's outcome is known.
     */
    private void load(Section section, List<Item> items, ExecutorService pool, Summary summary,
                      Map<String, String> failed, AtomicReference<Throwable> stop) {
        try (Progress.Bar bar = progress.start(section.name(), items.size())) {
            section.prefetch(gateway, items);
            List<Future<?>> running = new ArrayList<>();
            for (Item item : items) {
                running.add(pool.submit(() -> {
                    if (stop.get() != null) {
                        return;
                    }
                    try {
                        Result result = loadOne(section, item, failed, bar);
                        if (result.outcome() == Outcome.FAILED) {
                            failed.put(section.name() + ":" + item.key(), result.cause() != null ? result.cause()
                                    : section.name() + " " + item.key());
                        }
                        summary.add(section.name(), item, result);
                        bar.step();
                    } catch (RuntimeException | Error e) {
                        stop.compareAndSet(null, e);
                    }
                }));
            }
            awaitAll(running, stop);
        }
    }

    private Result loadOne(Section section, Item item, Map<String, String> failed, Progress.Bar bar) {
        for (String need : section.needs(item)) {
            String root = failed.get(need);
            if (root != null) {
                return Result.notTried(root);
            }
        }
        return section.load(item, gateway, dryRun, bar);
    }

    /** Waits for every item to end; being interrupted stops the import but still waits for those in flight. */
    private static void awaitAll(List<Future<?>> running, AtomicReference<Throwable> stop) {
        boolean interrupted = false;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.compareAndSet(null, new GatewayUnavailable("interrupted", e));
                } catch (ExecutionException e) {
                    stop.compareAndSet(null, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void skipped(JsonNode scenario, Summary summary) {
        Set<String> loaded = ConcurrentHashMap.newKeySet();
        sections.forEach(section -> loaded.add(section.name()));
        for (Iterator<Map.Entry<String, JsonNode>> it = scenario.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!HEADER.contains(member.getKey()) && !loaded.contains(member.getKey()) && !member.getValue().isNull()) {
                int size = member.getValue().isArray() ? member.getValue().size() : 1;
                summary.skip(member.getKey(), size + (size == 1 ? " entry" : " entries")
                        + (member.getKey().equals("expect")
                        ? ", figures to compare with the gateway's reports, not to load (--check compares them)"
                        : ", which this version of the importer does not load yet"));
            }
        }
    }
}
