package th.tambon.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway in front of three {@link ScriptedService}s, for the composed views' tests. */
final class ScriptedStack implements AutoCloseable {
    final ScriptedService schools = new ScriptedService();
    final ScriptedService events = new ScriptedService();
    final ScriptedService budget = new ScriptedService();
    final EmbeddedServer gateway;

    ScriptedStack(Map<String, Object> settings) {
        gateway = TestGateway.start(schools.url(), events.url(), budget.url(), settings);
    }

    /** Every service answering again, at once. */
    void allUp() {
        for (ScriptedService service : List.of(schools, events, budget)) {
            service.down(false).slow(Duration.ZERO);
        }
    }

    TestHttp as(String token) {
        return new TestHttp(gateway.getURL().toString()).as(token);
    }

    /** A caller no service has answered yet: nothing of its is remembered for a stale section. */
    TestHttp asNewViewer(String subject) {
        return as(TestTokens.token(subject, "VIEWER", null, null, Duration.ofMinutes(5)));
    }

    @Override
    public void close() {
        gateway.close();
        schools.close();
        events.close();
        budget.close();
    }
}
