package th.tambon.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's {@code nbf}, {@code iat} and {@code exp} are judged by the service's {@link Clock} bean when it has one
 * (schools-service's, or a test's set to a moment of its choosing), the same clock that stamps its changes, not by
 * the machine's: here the service's clock stands at 10:00 on 1 October 2020 in Bangkok.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgingTokensByTheServicesClockTest {
    private static final Instant SERVICE_NOW = Instant.parse("2020-10-01T03:00:00Z");

    private EmbeddedServer server;
    private TestHttp anonymous;

    @BeforeAll
    void start() {
        Map<String, Object> settings = new HashMap<>(TestTokens.trustingSettings());
        settings.putAll(Map.of("micronaut.server.port", -1, "micronaut.security.basic-auth.enabled", false,
                "security-kit-test.routes", true));
        server = ApplicationContext.builder().properties(settings)
                .singletons(Clock.fixed(SERVICE_NOW, ZoneOffset.UTC)).run(EmbeddedServer.class);
        anonymous = new TestHttp(server.getURL().toString());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_token_good_at_the_services_time_is_accepted_though_by_the_machines_clock_it_expired_years_ago() {
        String token = issuedAt(SERVICE_NOW.minusSeconds(60), Duration.ofHours(1));

        TestHttp.Response response = anonymous.as(token).get("/kit/read");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void a_token_whose_iat_and_nbf_are_ahead_of_the_services_clock_is_a_401_though_the_machines_clock_has_passed_them() {
        String issuedNowByTheMachine = TestTokens.admin();
        String notYetValid = TestTokens.signed(TestTokens.goodClaims("a", "OBEC_ADMIN")
                .issueTime(Date.from(SERVICE_NOW.minusSeconds(60)))
                .notBeforeTime(Date.from(SERVICE_NOW.plusSeconds(300)))
                .expirationTime(Date.from(SERVICE_NOW.plusSeconds(3600))).build());

        assertThat(anonymous.as(issuedNowByTheMachine).get("/kit/read").status()).isEqualTo(401);
        assertThat(anonymous.as(notYetValid).get("/kit/read").status()).isEqualTo(401);
    }

    @Test
    void a_token_expired_by_the_services_clock_is_a_401() {
        String token = issuedAt(SERVICE_NOW.minus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThat(anonymous.as(token).get("/kit/read").status()).isEqualTo(401);
    }

    private static String issuedAt(Instant issuedAt, Duration lifetime) {
        return TestTokens.signed(TestTokens.goodClaims("obec-admin", "OBEC_ADMIN").issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime))).build());
    }
}
