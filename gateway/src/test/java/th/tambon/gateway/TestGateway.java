package th.tambon.gateway;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import th.tambon.testkit.TestTokens;

import java.util.HashMap;
import java.util.Map;

/**
 * The gateway on a free port, trusting {@link TestTokens} (unless the test's settings say otherwise: another issuer,
 * another audience), in front of the given services.
 */
final class TestGateway {
    private TestGateway() {
    }

    static EmbeddedServer start(String schools, String events, String budget, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(TestTokens.trustingSettings());
        properties.putAll(settings);
        properties.put("micronaut.server.port", -1);
        properties.put("tambon.gateway.services.schools", schools);
        properties.put("tambon.gateway.services.events", events);
        properties.put("tambon.gateway.services.budget", budget);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
