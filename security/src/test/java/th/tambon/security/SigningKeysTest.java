package th.tambon.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import org.junit.jupiter.api.Test;
import th.tambon.testkit.TestTokens;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {
    @Test
    void the_shared_secret_is_a_key_tokens_are_checked_with() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(TestTokens.SECRET_PROPERTY, TestTokens.SECRET))) {
            assertThat(context.getBeansOfType(SignatureConfiguration.class)).hasSize(1);
        }
    }

    @Test
    void a_service_without_any_key_refuses_to_start_rather_than_accept_unsigned_tokens() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of()).close())
                .hasStackTraceContaining("No key to check tokens with");
    }

    @Test
    void a_secret_too_short_for_hs256_refuses_to_start() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(TestTokens.SECRET_PROPERTY, "short")).close())
                .hasStackTraceContaining("at least 32 bytes");
    }
}
