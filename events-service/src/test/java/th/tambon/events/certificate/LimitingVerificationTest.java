package th.tambon.events.certificate;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public certificate lookup is limited per client address: over a (here tiny) burst, a 429 problem with
 * Retry-After; another address, and calls with a token elsewhere, go on. The address is the gateway's
 * X-Forwarded-For when the connection comes from a trusted proxy (loopback by default, as the tests' client is).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitingVerificationTest {
    private static final String UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = infra.startService(Map.of("tambon.events.verification.rate-limit.burst", 3,
                "tambon.events.verification.rate-limit.per-minute", 1));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_client_over_its_burst_of_lookups_gets_a_429_problem_with_retry_after_and_another_client_does_not() {
        TestHttp busy = new TestHttp(server.getURL().toString()).withHeader("X-Forwarded-For", "203.0.113.7");
        TestHttp other = new TestHttp(server.getURL().toString()).withHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.8");

        assertThat(busy.get("/api/v1/certificates/verify/" + UNKNOWN).status()).isEqualTo(404);
        assertThat(busy.get("/verify/" + UNKNOWN).status()).isEqualTo(404);
        assertThat(busy.get("/api/v1/certificates/verify/" + UNKNOWN).status()).isEqualTo(404);
        TestHttp.Response refused = busy.get("/verify/" + UNKNOWN);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).isEqualTo("https://tambon.th/problems/too-many-requests");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(other.get("/api/v1/certificates/verify/" + UNKNOWN).status()).isEqualTo(404);
        assertThat(busy.as(TestTokens.viewer()).get("/api/v1/replicas/esas").status()).isEqualTo(200);
    }
}
