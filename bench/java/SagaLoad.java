package th.tambon.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * bench/saga.sh's load: funding requests into the saga as events-service publishes them, and budget-service's answers.
 * Publishes {@code --requests} N {@code activity.funding-requested.v1} events on events.v1 (CloudEvents binary headers,
 * {@code ce_source /tambon/events-service}, key {@code <activity>/funding}, JSON body as the schema wants), each for
 * an activity of {@code --activities} ("esa,id" a line, as bench/sql/saga-activities.sql prints them; without, new
 * random ids), from one producer thread per ESA of {@code --esas} (the concurrent ESAs), each ESA's requests on its
 * line and its activities in order. Each thread keeps at most {@code --window} of its requests unanswered (0: no
 * limit, it sends all of them at once); with {@code --seconds} S it stops sending after S seconds (or when its
 * activities run out) instead of after its share of N. Meanwhile reads budget.v1 from its end until every request
 * sent has its answer ({@code funds-committed.v1} or {@code funding-rejected.v1} on the activity's key). Prints one
 * line, {@code SAGA requests= committed= rejected= seconds= per_s= p50_ms= p99_ms= max_ms=}: seconds from the first
 * send to the last answer, commitments per second over them, and each request's latency from just before its send to
 * the moment its answer reached this consumer (its fetch included: fetch.max.wait.ms 5).
 * Compiled and run by bench/saga.sh against the classpath of bench/pom.xml (Kafka's client).
 */
public final class SagaLoad {
    private static final String EVENTS = "events.v1";
    private static final String BUDGET = "budget.v1";
    private static final String REQUESTED = "th.tambon.activity.funding-requested.v1";
    private static final String COMMITTED = "th.tambon.budget.funds-committed.v1";
    private static final String REJECTED = "th.tambon.budget.funding-rejected.v1";

    private record Pending(long sentNanos, Semaphore window) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--bootstrap", "127.0.0.1:9092", "--requests", "1000",
                "--seconds", "0", "--window", "0", "--fiscal-year", "2570", "--round", "1", "--line", "1",
                "--amount", "1.00", "--timeout", "300"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--esas")) {
            throw new IllegalArgumentException("--esas P97-1,P97-2 is required");
        }
        // the activities to ask for, "esa,id" a line (bench/sql/saga-activities.sql); without, new random ids
        Map<String, List<String>> activities = new HashMap<>();
        if (o.containsKey("--activities")) {
            for (String row : Files.readAllLines(Path.of(o.get("--activities")))) {
                if (!row.isBlank()) {
                    String[] f = row.trim().split(",");
                    activities.computeIfAbsent(f[0], e -> new ArrayList<>()).add(f[1]);
                }
            }
        }
        String bootstrap = o.get("--bootstrap");
        int n = Integer.parseInt(o.get("--requests"));
        long seconds = Long.parseLong(o.get("--seconds"));
        int window = Integer.parseInt(o.get("--window"));
        List<String> esas = Arrays.asList(o.get("--esas").split(","));
        int fiscalYear = Integer.parseInt(o.get("--fiscal-year"));
        int round = Integer.parseInt(o.get("--round"));
        int line = Integer.parseInt(o.get("--line"));
        String amount = o.get("--amount");
        long timeoutNanos = Duration.ofSeconds(Long.parseLong(o.get("--timeout"))).toNanos();
        if (seconds > 0 && window <= 0) {
            throw new IllegalArgumentException("--seconds needs a --window: without one the requests have no bound");
        }

        Map<String, Pending> pending = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger producing = new AtomicInteger(esas.size());
        long[] latencies = new long[1024];
        int answered = 0;
        int committed = 0;
        int rejected = 0;
        AtomicReference<Throwable> failed = new AtomicReference<>();

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(BUDGET).stream()
                    .map(p -> new TopicPartition(BUDGET, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(BUDGET + " has no partitions: is budget-service running?");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end, now: only answers published from here on are read

            long started = System.nanoTime();
            long stopAt = seconds > 0 ? started + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
            for (int k = 0; k < esas.size(); k++) {
                String esa = esas.get(k);
                List<String> ids = activities.getOrDefault(esa, List.of());
                int share = seconds > 0 ? Integer.MAX_VALUE : (k + 1) * n / esas.size() - k * n / esas.size();
                if (o.containsKey("--activities")) {
                    share = Math.min(share, ids.size());
                }
                int requests = share;
                Thread t = new Thread(() -> {
                    try {
                        produce(bootstrap, esa, ids, fiscalYear, round, line, amount, requests, stopAt, window,
                                pending, sent, failed);
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    } finally {
                        producing.decrementAndGet();
                    }
                }, "esa-" + esa);
                t.setDaemon(true);
                t.start();
            }
            long last = started;
            while (producing.get() > 0 || answered < sent.get()) {
                if (failed.get() != null) {
                    throw new IllegalStateException("a producer failed", failed.get());
                }
                if (System.nanoTime() - started > timeoutNanos) {
                    throw new IllegalStateException("only " + answered + " of " + sent.get() + " requests were "
                            + "answered within " + o.get("--timeout") + " s");
                }
                var records = consumer.poll(Duration.ofMillis(100));
                long arrived = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : records) {
                    Pending p = r.key() == null ? null : pending.get(r.key());
                    if (p == null) {
                        continue; // someone else's event on budget.v1, or a second answer
                    }
                    String type = header(r.headers(), "ce_type");
                    if (COMMITTED.equals(type)) {
                        committed++;
                    } else if (REJECTED.equals(type)) {
                        rejected++;
                    } else {
                        continue;
                    }
                    pending.remove(r.key());
                    if (answered == latencies.length) {
                        latencies = Arrays.copyOf(latencies, 2 * answered);
                    }
                    latencies[answered++] = arrived - p.sentNanos();
                    last = arrived;
                    if (p.window() != null) {
                        p.window().release();
                    }
                }
            }
            if (answered == 0) {
                throw new IllegalStateException("no request was sent");
            }
            double took = (last - started) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, answered);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "SAGA requests=%d committed=%d rejected=%d seconds=%.3f per_s=%.1f "
                            + "p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", answered, committed, rejected, took,
                    committed / took, percentile(sorted, 50), percentile(sorted, 99), sorted[answered - 1] / 1e6);
        }
    }

    private static void produce(String bootstrap, String esa, List<String> ids, int fiscalYear, int round, int line, String amount,
                                int requests, long stopAt, int window, Map<String, Pending> pending,
                                AtomicInteger sent, AtomicReference<Throwable> failed) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Semaphore permits = window > 0 ? new Semaphore(window) : null;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < requests && System.nanoTime() < stopAt; i++) {
                if (permits != null) {
                    permits.acquire();
                }
                if (System.nanoTime() >= stopAt) {
                    break;
                }
                String activity = ids.isEmpty() ? UUID.randomUUID().toString() : ids.get(i);
                String key = activity + "/funding";
                Instant now = Instant.now();
                String body = "{\"activity\":\"" + activity + "\",\"esa\":\"" + esa + "\",\"fiscalYear\":" + fiscalYear
                        + ",\"round\":" + round + ",\"line\":" + line + ",\"amount\":" + amount
                        + ",\"request\":1,\"requestedAt\":\"" + now + "\",\"version\":1}";
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(EVENTS, key,
                        body.getBytes(StandardCharsets.UTF_8));
                Headers h = record.headers();
                h.add("ce_specversion", bytes("1.0"));
                h.add("ce_id", bytes(UUID.randomUUID().toString()));
                h.add("ce_type", bytes(REQUESTED));
                h.add("ce_source", bytes("/tambon/events-service"));
                h.add("ce_time", bytes(now.toString()));
                h.add("content-type", bytes("application/json"));
                h.add("ce_subject", bytes(key));
                pending.put(activity, new Pending(System.nanoTime(), permits));
                sent.incrementAndGet();
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static double percentile(long[] sorted, int p) {
        int i = Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1);
        return sorted[i] / 1e6;
    }
}
