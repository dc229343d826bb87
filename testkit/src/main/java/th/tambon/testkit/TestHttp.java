package th.tambon.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A plain HTTP client for tests: sends exactly the bytes given (malformed JSON included) and reads JSON back. Without
 * {@link #as(String)} it sends no token, as an anonymous caller would.
 */
public final class TestHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> defaults;

    public TestHttp(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private TestHttp(String baseUrl, Map<String, String> defaults) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.defaults = defaults;
    }

    /** The same client sending {@code Authorization: Bearer token} with every request ({@link TestTokens}). */
    public TestHttp as(String token) {
        return new TestHttp(baseUrl, TestTokens.bearer(token));
    }

    /** The same client sending one more header with every request (an {@code If-Match}, say). */
    public TestHttp withHeader(String name, String value) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(defaults);
        headers.put(name, value);
        return new TestHttp(baseUrl, Map.copyOf(headers));
    }

    /** PUTs JSON. */
    public Response put(String path, String body) {
        return send("PUT", path, body, "application/json", Map.of());
    }

    /** Any request: method, path, body (null for none), Content-Type (null for none) and headers. */
    public Response send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    /** POSTs JSON with extra request headers (a trace context, a forged header a test checks is ignored). */
    public Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Like {@link #send} with a body of raw bytes, which may be anything, invalid UTF-8 included. */
    public Response sendBytes(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest given = request.timeout(Duration.ofSeconds(30)).build();
        HttpRequest.Builder withDefaults = HttpRequest.newBuilder(given, (name, value) -> true);
        defaults.forEach((name, value) -> {
            if (given.headers().firstValue(name).isEmpty()) {
                withDefaults.header(name, value);
            }
        });
        HttpRequest built = withDefaults.build();
        try {
            HttpResponse<String> response = CLIENT.send(built,
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Turns a value into JSON text. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON text (an event's data, say). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    public record Response(int status, String contentType, String location, String body,
                           Map<String, java.util.List<String>> headers) {
        /** The first value of a response header (names are case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }
}
