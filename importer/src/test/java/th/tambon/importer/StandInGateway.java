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
 * answered as the test scripted it (404 when it did not), each on its own thread so slow answers overlap, and every
 * request but the liveness check is recorded.
 */
public final class StandInGateway implements AutoCloseable {
    private static final String LIVENESS = "GET /health/liveness";

    /** How one request is answered. */
    public interface Route {
        Answer answer() throws Exception;
    }

    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

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

    private void serve(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        exchange.getRequestBody().readAllBytes();
        if (!request.equals(LIVENESS)) {
            seen.add(request);
        }
        Route route = routes.get(request);
        Answer answer;
        try {
            answer = route == null ? new Answer(404, "{\"detail\":\"no route " + request + "\"}") : route.answer();
        } catch (Exception e) {
            answer = new Answer(500, "{\"detail\":\"" + e + "\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
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
