package th.tambon.testkit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import th.tambon.testkit.TestHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Sends hostile requests to a running service and checks what every answer must be: never a 5xx, every error an
 * {@code application/problem+json} whose {@code status} is the answer's, and no row written by a refused write.
 * How many: {@code -Dtambon.fuzz.requests} (default 500); which: {@code -Dtambon.fuzz.seed} (default: a fixed seed,
 * so the build is repeatable; {@code random} for a new one each run; every report prints its seed to replay it).
 */
public final class Fuzzer {
    public static final String REQUESTS_PROPERTY = "tambon.fuzz.requests";
    public static final String SEED_PROPERTY = "tambon.fuzz.seed";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GEN_SIZE = 1000;
    /** The seed of the build's short run. */
    public static final long BUILD_SEED = 25_630_701L;

    private Fuzzer() {
    }

    public static int requestsPerRun() {
        return Integer.getInteger(REQUESTS_PROPERTY, 500);
    }

    /**
     * The seed: fixed unless {@code -Dtambon.fuzz.seed} says otherwise, so that the build is repeatable; a number
     * replays a run, {@code random} explores (the full run, docs/security.md).
     */
    public static long seed() {
        String given = System.getProperty(SEED_PROPERTY, Long.toString(BUILD_SEED));
        return given.equals("random") ? new Random().nextLong() : Long.parseLong(given);
    }

    /**
     * @param http      the service, without a token (each request brings its own)
     * @param requests  what to send
     * @param count     how many
     * @param seed      the random seed
     * @param rowCount  every row of the service's tables (its own, the outbox, the audit trail), counted
     */
    public static Report run(TestHttp http, Arbitrary<FuzzRequest> requests, int count, long seed, LongSupplier rowCount) {
        // jqwik's generators need a session of their own outside its test engine; the seed makes the run repeatable
        JqwikSession.start(Long.toString(seed));
        try {
            return send(http, requests.generator(GEN_SIZE), count, seed, rowCount);
        } finally {
            JqwikSession.finish();
        }
    }

    private static Report send(TestHttp http, RandomGenerator<FuzzRequest> generator, int count, long seed,
                               LongSupplier rowCount) {
        Random random = new Random(seed);
        Report report = new Report(seed);
        for (int i = 0; i < count; i++) {
            FuzzRequest request = generator.next(random).value();
            boolean write = !request.method().equals("GET") && !request.method().equals("HEAD")
                    && !request.method().equals("OPTIONS");
            long before = write ? rowCount.getAsLong() : 0;
            TestHttp.Response response;
            try {
                response = send(http, request);
            } catch (UncheckedIOException dropped) {
                // The client may have reused a keep-alive connection the server had just closed (after a 413, say);
                // a second try opens a new one. Failing twice is a request the service did not answer.
                report.retried++;
                try {
                    response = send(http, request);
                } catch (UncheckedIOException noAnswer) {
                    report.unanswered(request, noAnswer);
                    continue;
                }
            }
            long written = write ? rowCount.getAsLong() - before : 0;
            report.record(request, response, written);
        }
        return report;
    }

    private static TestHttp.Response send(TestHttp http, FuzzRequest request) {
        return http.sendBytes(request.method(), request.pathAndQuery(), request.body(), request.contentType(),
                request.headers());
    }

    /** What a run sent and what came back. */
    public static final class Report {
        private final long seed;
        private int sent;
        private int serverErrors;
        private int unanswered;
        private int retried;
        private int errorsNotProblems;
        private int refusedWritesThatWrote;
        private long rowsWrittenByRefused;
        private int acceptedWrites;
        private final TreeMap<Integer, Integer> byStatus = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();

        Report(long seed) {
            this.seed = seed;
        }

        void record(FuzzRequest request, TestHttp.Response response, long written) {
            sent++;
            int status = response.status();
            byStatus.merge(status, 1, Integer::sum);
            if (status >= 500) {
                serverErrors++;
                fail(request, response, "a 5xx");
            }
            if (status >= 400 && !isProblem(response)) {
                errorsNotProblems++;
                fail(request, response, "an error that is not application/problem+json with its status");
            }
            if (status >= 400 && written != 0) {
                refusedWritesThatWrote++;
                rowsWrittenByRefused += written;
                fail(request, response, "a refused write that wrote " + written + " row(s)");
            }
            if (status < 300 && written > 0) {
                acceptedWrites++;
            }
        }

        /** The service closed the connection without an answer: as bad as a 5xx. */
        void unanswered(FuzzRequest request, Exception why) {
            sent++;
            unanswered++;
            if (failures.size() < 20) {
                failures.add("no answer (" + why.getMessage() + "): " + request);
            }
        }

        private static boolean isProblem(TestHttp.Response response) {
            if (!response.contentType().startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                return problem.path("status").asInt() == response.status() && problem.hasNonNull("type")
                        && problem.has("errors");
            } catch (IOException e) {
                return false;
            }
        }

        private void fail(FuzzRequest request, TestHttp.Response response, String what) {
            if (failures.size() < 20) {
                String body = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
                failures.add(what + ": " + request + " -> " + response.status() + " " + response.contentType() + " "
                        + body);
            }
        }

        public long seed() {
            return seed;
        }

        public int sent() {
            return sent;
        }

        public int serverErrors() {
            return serverErrors;
        }

        public int errorsNotProblems() {
            return errorsNotProblems;
        }

        public long rowsWrittenByRefused() {
            return rowsWrittenByRefused;
        }

        public int acceptedWrites() {
            return acceptedWrites;
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public String toString() {
            return "sent " + sent + " (seed " + seed + "): 5xx " + serverErrors + ", unanswered " + unanswered + " (retried " + retried + "), errors not problem+json "
                    + errorsNotProblems + ", refused writes that wrote " + refusedWritesThatWrote + " (" + rowsWrittenByRefused
                    + " rows), accepted writes " + acceptedWrites + ", by status " + byStatus;
        }
    }
}
