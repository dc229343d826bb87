package th.tambon.gateway;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A service behind the gateway whose answers a test scripts per path (query included) and changes as it goes: it
 * can answer, fail with 503 ("down"), or answer late ("slow"). It records what reached it.
 */
final class ScriptedService implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final List<String> cookies = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    record Answer(int status, String body, String contentType) {
    }

    ScriptedService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String asked = exchange.getRequestURI().toString();
            reached.add(asked + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            cookies.add(asked + " " + exchange.getRequestHeaders().getFirst("Cookie"));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Answer answer = down ? new Answer(503, "{\"status\":503}", "application/problem+json")
                    : answers.getOrDefault(asked, new Answer(404, "{\"status\":404,\"detail\":\"not scripted: " + asked
                    + "\"}", "application/problem+json"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    ScriptedService on(String pathAndQuery, int status, String body) {
        return on(pathAndQuery, status, body, status < 400 ? "application/json" : "application/problem+json");
    }

    ScriptedService on(String pathAndQuery, int status, String body, String contentType) {
        answers.put(pathAndQuery, new Answer(status, body, contentType));
        return this;
    }

    ScriptedService down(boolean down) {
        this.down = down;
        return this;
    }

    ScriptedService slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> reached() {
        return List.copyOf(reached);
    }

    /** Each request that reached it with the Cookie header it brought ("null" without one). */
    List<String> cookies() {
        return List.copyOf(cookies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
