package th.tambon.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import org.junit.jupiter.api.Test;
import th.tambon.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    @Test
    void the_shared_secret_is_a_key_tokens_are_checked_with() {
        try (ApplicationContext context = ApplicationContext.run(TestTokens.trustingSettings())) {
            assertThat(context.getBeansOfType(SignatureConfiguration.class)).hasSize(1);
        }
    }

    @Test
    void a_service_without_any_key_refuses_to_start_rather_than_accept_unsigned_tokens() {
        assertThatThrownBy(() -> ApplicationContext.run(without(TestTokens.SECRET_PROPERTY)).close())
                .hasStackTraceContaining("No key to check tokens with");
    }

    @Test
    void a_secret_too_short_for_hs256_refuses_to_start() {
        Map<String, Object> settings = new HashMap<>(TestTokens.trustingSettings());
        settings.put(TestTokens.SECRET_PROPERTY, "short");
        assertThatThrownBy(() -> ApplicationContext.run(settings).close())
                .hasStackTraceContaining("at least 32 bytes");
    }

    @Test
    void a_process_told_no_issuer_or_no_audience_refuses_to_start_rather_than_accept_any() {
        assertThatThrownBy(() -> ApplicationContext.run(without(TestTokens.ISSUER_PROPERTY)).close())
                .hasStackTraceContaining("TAMBON_JWT_ISSUER");
        assertThatThrownBy(() -> ApplicationContext.run(without(TestTokens.AUDIENCE_PROPERTY)).close())
                .hasStackTraceContaining("TAMBON_JWT_AUDIENCE");
    }

    private static Map<String, Object> without(String property) {
        Map<String, Object> settings = new HashMap<>(TestTokens.trustingSettings());
        settings.remove(property);
        return settings;
    }
}
