package th.tambon.importer.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client side of the gateway's promises, against a real HTTP server on loopback that answers as scripted. */
class GatewayTest {
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));
    private HttpServer server;
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    private final List<Duration> pauses = new ArrayList<>();

    /** Answers the requests in turn with {@code answers} (status, then headers), the last one again and again. */
    private Gateway gateway(List<Map.Entry<Integer, Map<String, String>>> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger next = new AtomicInteger();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("If-Match"));
            var answer = answers.get(Math.min(next.getAndIncrement(), answers.size() - 1));
            answer.getValue().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = ("{\"detail\":\"answer " + answer.getKey() + "\",\"errors\":[{\"field\":\"code\",\"message\":\"m\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(answer.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new Gateway(base, "t0ken", POLICY, new ObjectMapper(), pauses::add);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void over_the_rate_limit_it_waits_as_long_as_retry_after_says_and_tries_again() throws Exception {
        Gateway gateway = gateway(List.of(Map.entry(429, Map.of("Retry-After", "3")), Map.entry(201, Map.of("ETag", "\"7\""))));

        Reply reply = gateway.post("/api/v1/esas", Map.of("code", "P31-4"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.version()).isEqualTo(7L);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
        assertThat(seen).containsExactly("POST /api/v1/esas Bearer t0ken null", "POST /api/v1/esas Bearer t0ken null");
        assertThat(gateway.stats()).isEqualTo("2 requests, 1 tried again (429:1)");
    }

    @Test
    void a_service_that_stays_away_is_tried_with_growing_pauses_then_stops_the_import() throws Exception {
        Gateway gateway = gateway(List.of(Map.entry(503, Map.of())));

        assertThatThrownBy(() -> gateway.get("/api/v1/schools/31040001"))
                .isInstanceOf(GatewayUnavailable.class)
                .hasMessage("GET /api/v1/schools/31040001 failed 4 times; the last: 503 answer 503; code: m");
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(seen).hasSize(4);
    }

    @Test
    void a_refused_token_stops_at_once_without_retrying() throws Exception {
        Gateway gateway = gateway(List.of(Map.entry(401, Map.of())));

        assertThatThrownBy(() -> gateway.get("/api/v1/esas")).isInstanceOf(GatewayRefused.class)
                .hasMessageContaining("refused (401)").hasMessageContaining("expired");
        assertThat(seen).hasSize(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_refusal_of_the_request_itself_is_the_callers_to_read_not_retried() throws Exception {
        Gateway gateway = gateway(List.of(Map.entry(412, Map.of())));

        Reply reply = gateway.put("/api/v1/esas/P31-4", Map.of("nameTh", "x"), 3L);

        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.problem()).isEqualTo("answer 412; code: m");
        assertThat(seen).containsExactly("PUT /api/v1/esas/P31-4 Bearer t0ken \"3\"");
        assertThat(pauses).isEmpty();
    }

    @Test
    void a_gateway_that_is_not_running_is_reported_after_one_try() throws Exception {
        Gateway gateway = gateway(List.of(Map.entry(200, Map.of())));
        URI base = gateway.base();
        server.stop(0);
        server = null;

        assertThat(new Gateway(base, "t", POLICY, new ObjectMapper()).unreachable()).contains("ConnectException");
    }

    @Test
    void pauses_never_exceed_the_ceiling_even_when_retry_after_asks_for_more() {
        RetryPolicy policy = new RetryPolicy(30, Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(policy.pause(20, java.util.Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.pause(1, java.util.Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_gateway_behind_a_path_prefix_is_called_under_it() throws Exception {
        Gateway direct = gateway(List.of(Map.entry(200, Map.of())));
        Gateway prefixed = new Gateway(URI.create(direct.base() + "/tambon/"), "t0ken", POLICY, new ObjectMapper(),
                pauses::add);

        prefixed.get("/api/v1/esas");

        assertThat(seen).containsExactly("GET /tambon/api/v1/esas Bearer t0ken null");
    }
}
