package th.tambon.importer.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The importer's only way in: the public HTTP API behind the gateway, with a bearer token, as any client would call it.
 * A request the gateway could not serve for now (429 over the rate limit, 502/503/504, a dropped connection) is tried
 * again after {@code Retry-After} or a growing pause, up to {@link RetryPolicy#maxAttempts()} times; a refused token
 * (401, 403) stops the whole import, because no later request would fare better.
 */
public final class Gateway {
    private static final String USER_AGENT = "tambon-import/1";

    private final URI base;
    private final String token;
    private final RetryPolicy retries;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Sleeper sleeper;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> retried = new ConcurrentHashMap<>();

    public Gateway(URI base, String token, RetryPolicy retries, ObjectMapper json) {
        this(base, token, retries, json, Sleeper.REAL);
    }

    Gateway(URI base, String token, RetryPolicy retries, ObjectMapper json, Sleeper sleeper) {
        this.base = base;
        this.token = token;
        this.retries = retries;
        this.json = json;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply post(String path, Object body) {
        return post(path, body, null);
    }

    /** A POST, with {@code If-Match} when {@code expectedVersion} is given (a move that depends on what was read). */
    public Reply post(String path, Object body, Long expectedVersion) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (expectedVersion != null) {
            builder.header("If-Match", "\"" + expectedVersion + "\"");
        }
        return send(builder.build());
    }

    /** A PUT, with {@code If-Match} when {@code expectedVersion} is given. */
    public Reply put(String path, Object body, Long expectedVersion) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (expectedVersion != null) {
            builder.header("If-Match", "\"" + expectedVersion + "\"");
        }
        return send(builder.build());
    }

    public URI base() {
        return base;
    }

    /** Null when the gateway answers its liveness check, else why not (one try: the stack may simply not be up). */
    public String unreachable() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(at("/health/liveness"))
                    .timeout(Duration.ofSeconds(10)).header("User-Agent", USER_AGENT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? null : "its liveness check answered " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** "312 requests, 25 tried again (429: 25)": how hard the import leaned on the gateway. */
    public String stats() {
        Map<String, Long> why = new TreeMap<>();
        retried.forEach((reason, count) -> why.put(reason, count.get()));
        long again = why.values().stream().mapToLong(Long::longValue).sum();
        return requests.get() + " requests, " + again + " tried again" + (why.isEmpty() ? "" : " " + why.toString()
                .replace('{', '(').replace('}', ')').replace('=', ':'));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(at(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
    }

    /** The gateway's address of {@code path}, under the base URL's own path if it has one (https://host/tambon). */
    private URI at(String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write a request body as JSON", e);
        }
    }

    private Reply send(HttpRequest request) {
        String what = request.method() + " " + request.uri().getPath();
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            String why;
            String cause;
            requests.incrementAndGet();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Reply reply = reply(response);
                if (reply.status() == 401 || reply.status() == 403) {
                    throw new GatewayRefused(what + " was refused (" + reply.status() + "): " + reply.problem()
                            + (reply.status() == 401 ? " (is the token expired, or signed with another secret?)"
                            : " (the importer needs an OBEC_ADMIN token)"));
                }
                if (!retries.retriable(reply.status())) {
                    return reply;
                }
                pause = retries.pause(attempt, retryAfter(response));
                why = reply.status() + " " + reply.problem();
                cause = Integer.toString(reply.status());
            } catch (IOException e) {
                pause = retries.pause(attempt, Optional.empty());
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                cause = "connection";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailable(what + " was interrupted", e);
            }
            if (attempt >= retries.maxAttempts()) {
                throw new GatewayUnavailable(what + " failed " + attempt + " times; the last: " + why);
            }
            retried.computeIfAbsent(cause, k -> new AtomicLong()).incrementAndGet();
            sleeper.sleep(pause);
        }
    }

    private Reply reply(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode tree = null;
        if (!body.isBlank()) {
            try {
                tree = json.readTree(body);
            } catch (IOException e) {
                tree = null;
            }
        }
        Long version = response.headers().firstValue("ETag").map(Gateway::version).orElse(null);
        return new Reply(response.statusCode(), tree, body, version);
    }

    private static Long version(String etag) {
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Waits between attempts; a test passes one that records the pauses instead. */
    interface Sleeper {
        Sleeper REAL = pause -> {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayUnavailable("interrupted while waiting to retry", e);
            }
        };

        void sleep(Duration pause);
    }
}
