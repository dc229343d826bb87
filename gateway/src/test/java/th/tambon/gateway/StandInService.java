package th.tambon.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An HTTP server standing in for a service behind the gateway: it records what reaches it and answers as told. */
final class StandInService implements AutoCloseable {
    private final HttpServer server;
    private final List<Request> reached = new CopyOnWriteArrayList<>();

    /** What reached the service. */
    record Request(String method, String path, Headers headers) {
    }

    /**
     * @param status the status of every answer
     * @param body   the body of an answer, from the request (null for none)
     */
    StandInService(int status, Function<Request, String> body) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders());
            reached.add(request);
            String text = body.apply(request);
            if (text == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> reached() {
        return List.copyOf(reached);
    }

    void forget() {
        reached.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
