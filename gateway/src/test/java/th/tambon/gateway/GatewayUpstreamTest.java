package th.tambon.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a service that tells which {@code X-Forwarded-Uri} it received, one that accepts a request
 * and never answers, and one that cannot be reached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayUpstreamTest {
    private StandInService backend;
    private ServerSocket silent;
    private final List<Socket> heldOpen = new ArrayList<>();
    private EmbeddedServer gateway;
    private TestHttp http;

    @BeforeAll
    void start() throws IOException {
        backend = new StandInService(200,
                request -> String.join("\n", request.headers().getOrDefault("X-Forwarded-Uri", List.of())));
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAndSayNothing, "silent-service");
        acceptor.setDaemon(true);
        acceptor.start();
        gateway = TestGateway.start(backend.url(), "http://127.0.0.1:" + silent.getLocalPort(),
                "http://127.0.0.1:" + FreePorts.find(), Map.of("tambon.gateway.timeout", "500ms"));
        http = new TestHttp(gateway.getURL().toString()).as(TestTokens.admin());
    }

    private void acceptAndSayNothing() {
        try {
            while (!silent.isClosed()) {
                Socket socket = silent.accept();
                synchronized (heldOpen) {
                    heldOpen.add(socket);
                }
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
        silent.close();
        synchronized (heldOpen) {
            for (Socket socket : heldOpen) {
                socket.close();
            }
        }
    }

    @Test
    void a_service_is_told_only_the_path_the_client_called_whatever_x_forwarded_uri_the_client_sent() {
        TestHttp.Response response = http.get("/api/v1/schools/99999999", Map.of("X-Forwarded-Uri", "/forged/by/client"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("the X-Forwarded-Uri values the service received")
                .isEqualTo("/api/v1/schools/99999999");
    }

    @Test
    void a_service_that_does_not_answer_in_time_is_a_504_problem_warning_that_a_write_may_have_been_made() {
        TestHttp.Response read = http.get("/api/v1/activities");
        TestHttp.Response write = http.post("/api/v1/activities", "{}");

        for (TestHttp.Response response : List.of(read, write)) {
            assertThat(response.status()).isEqualTo(504);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asText()).endsWith("/gateway-timeout");
            assertThat(problem.get("detail").asText()).contains("events-service");
        }
        assertThat(write.json().get("detail").asText()).contains("may have been made");
        assertThat(read.json().get("detail").asText()).doesNotContain("may have been made");
    }

    @Test
    void a_service_that_cannot_be_reached_is_a_503_problem() {
        TestHttp.Response response = http.post("/api/v1/fiscal-years", "{}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("type").asText()).endsWith("/service-unavailable");
        assertThat(response.json().get("detail").asText()).contains("budget-service", "nothing was done");
    }
}
