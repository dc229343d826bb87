package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayRefused;
import th.tambon.importer.gateway.GatewayUnavailable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the sections of a validated scenario in order, each one's items {@code parallel} at a time (they are
 * independent within a section). An item whose needs failed (a school whose ESA could not be registered) fails without
 * a request. A refused token or a gateway that stays away stops the import; what was loaded stays, and running it again
 * resumes, since every item is compared with the registry first.
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
        ExecutorService pool = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "import");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Section section : sections) {
                List<Item> items = section.items(scenario);
                summary.section(section.name());
                if (items.isEmpty()) {
                    continue;
                }
                try (Progress.Bar bar = progress.start(section.name(), items.size())) {
                    section.prefetch(gateway, items);
                    List<Future<?>> running = new ArrayList<>();
                    for (Item item : items) {
                        running.add(pool.submit(() -> {
                            Result result = loadOne(section, item, failed);
                            if (result.outcome() == Outcome.FAILED) {
                                failed.put(section.name() + ":" + item.key(), result.cause() != null ? result.cause()
                                        : section.name() + " " + item.key());
                            }
                            summary.add(section.name(), item, result);
                            bar.step();
                        }));
                    }
                    awaitAll(running);
                }
            }
        } catch (GatewayRefused | GatewayUnavailable e) {
            summary.stop(e.getMessage());
        } finally {
            pool.shutdownNow();
        }
        skipped(scenario, summary);
        return summary;
    }

    private Result loadOne(Section section, Item item, Map<String, String> failed) {
        for (String need : section.needs(item)) {
            String root = failed.get(need);
            if (root != null) {
                return Result.notTried(root);
            }
        }
        try {
            return section.load(item, gateway, dryRun);
        } catch (GatewayRefused | GatewayUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            return Result.failed("unexpected: " + e);
        }
    }

    /** Waits for every item; the first that stopped the import stops the rest (those not begun are cancelled). */
    private static void awaitAll(List<Future<?>> running) {
        RuntimeException stop = null;
        for (Iterator<Future<?>> it = running.iterator(); it.hasNext(); ) {
            Future<?> future = it.next();
            try {
                future.get();
            } catch (ExecutionException e) {
                if (stop == null && e.getCause() instanceof RuntimeException cause) {
                    stop = cause;
                    running.forEach(f -> f.cancel(false));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailable("interrupted", e);
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled after the import was stopped
            }
        }
        if (stop != null) {
            throw stop;
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
                        + ", which this version of the importer does not load yet");
            }
        }
    }
}
