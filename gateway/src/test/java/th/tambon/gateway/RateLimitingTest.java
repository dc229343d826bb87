package th.tambon.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;
import th.tambon.testkit.kafka.FreePorts;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each caller (token subject) has its own bucket; over it, a 429 problem with Retry-After, and no service call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitingTest {
    private StandInService backend;
    private EmbeddedServer gateway;

    @BeforeAll
    void start() {
        backend = new StandInService(204, request -> null);
        gateway = TestGateway.start(backend.url(), backend.url(), "http://127.0.0.1:" + FreePorts.find(), Map.of(
                "tambon.gateway.rate-limit.burst", 3,
                "tambon.gateway.rate-limit.per-second", 1));
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void a_caller_over_its_burst_gets_a_429_problem_with_retry_after_and_others_are_not_slowed() {
        TestHttp busy = new TestHttp(gateway.getURL().toString())
                .as(TestTokens.token("busy-client", "VIEWER", null, null, Duration.ofMinutes(5)));
        TestHttp other = new TestHttp(gateway.getURL().toString())
                .as(TestTokens.token("other-client", "VIEWER", null, null, Duration.ofMinutes(5)));
        backend.forget();

        for (int i = 0; i < 3; i++) {
            assertThat(busy.get("/api/v1/esas").status()).isEqualTo(204);
        }
        TestHttp.Response refused = busy.get("/api/v1/esas");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("https://tambon.th/problems/too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(backend.reached()).hasSize(3);
        assertThat(other.get("/api/v1/esas").status()).isEqualTo(204);
    }

    @Test
    void anonymous_callers_of_the_proxied_documents_are_limited_by_their_address() {
        TestHttp anonymous = new TestHttp(gateway.getURL().toString());
        backend.forget();

        for (int i = 0; i < 3; i++) {
            assertThat(anonymous.get("/openapi/schools-service/schools-service.yml").status()).isEqualTo(204);
        }
        TestHttp.Response refused = anonymous.get("/openapi/schools-service/schools-service.yml");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(backend.reached()).hasSize(3);
    }
}
