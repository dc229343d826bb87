package th.tambon.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.RetryPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for the gateway: each request ("GET /api/v1/esas?size=500&page=0") is
 * answered as the test scripted it, else by the {@link #fallback} handler (404 when neither answers), each on its own
 * thread so slow answers overlap, and every request but the liveness check is recorded, with its body and If-Match.
 */
public final class StandInGateway implements AutoCloseable {
    private static final String LIVENESS = "GET /health/liveness";

    /** How one request is answered. */
    public interface Route {
        Answer answer() throws Exception;
    }

    public record Answer(int status, String body, Map<String, String> headers) {
        public Answer(int status, String body) {
            this(status, body, Map.of());
        }
    }

    /** A request as it came: "METHOD /path?query", its body ("" when none) and its If-Match header (or null). */
    public record Request(String line, String body, String ifMatch) {
        public String method() {
            return line.substring(0, line.indexOf(' '));
        }

        /** The path without the query. */
        public String path() {
            String target = line.substring(line.indexOf(' ') + 1);
            return target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        }

        /** Whether it may change something (not a GET). */
        public boolean writes() {
            return !method().equals("GET");
        }
    }

    /** Answers a request no scripted route answers; null lets it be a 404. */
    public interface Handler {
        Answer answer(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
    private volatile Handler fallback = request -> null;

    public StandInGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
        on(LIVENESS, 200, "{\"status\":\"UP\"}");
    }

    /** Answers {@code request} ("METHOD /path?query") with {@code status} and a JSON {@code body}. */
    public StandInGateway on(String request, int status, String body) {
        return on(request, () -> new Answer(status, body));
    }

    public StandInGateway on(String request, Route route) {
        routes.put(request, route);
        return this;
    }

    /**
     * Answers what no scripted route answers (a stateful stand-in for a service's routes): the first of
     * {@code handlers} that answers it (events-service's, then budget-service's).
     */
    public StandInGateway fallback(Handler... handlers) {
        this.fallback = request -> {
            for (Handler handler : handlers) {
                Answer answer = handler.answer(request);
                if (answer != null) {
                    return answer;
                }
            }
            return null;
        };
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of this stand-in that tries each request once. */
    public Gateway client() {
        return new Gateway(base(), "t0ken", new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10)),
                new ObjectMapper());
    }

    /** Every request answered so far but the liveness check, as "METHOD /path?query", in the order they came. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** The same, with their bodies and If-Match headers. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request received = new Request(request, sent, exchange.getRequestHeaders().getFirst("If-Match"));
        if (!request.equals(LIVENESS)) {
            seen.add(request);
            requests.add(received);
        }
        Route route = routes.get(request);
        Answer answer;
        try {
            answer = route != null ? route.answer() : fallback.answer(received);
            if (answer == null) {
                answer = new Answer(404, "{\"detail\":\"no route " + request + "\"}");
            }
        } catch (Exception e) {
            answer = new Answer(500, "{\"detail\":\"" + e + "\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
