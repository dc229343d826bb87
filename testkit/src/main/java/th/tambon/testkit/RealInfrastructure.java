package th.tambon.testkit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JUnit 5 extension giving a test class a real Kafka broker (shared by the JVM) and a fresh PostgreSQL database
 * (created before the class, dropped after it). Register it as a static field:
 * <pre>{@code @RegisterExtension static final RealInfrastructure infra = new RealInfrastructure();}</pre>
 * The class's own {@code @AfterAll} (closing its application context) runs before the database is dropped.
 */
public final class RealInfrastructure implements BeforeAllCallback, AfterAllCallback {
    private TestDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        Infrastructure.kafkaBootstrapServers();
        database = TestDatabase.create(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("RealInfrastructure must be registered as a static @RegisterExtension field");
        }
        return database;
    }

    public String kafkaBootstrapServers() {
        return Infrastructure.kafkaBootstrapServers();
    }

    /** Micronaut properties pointing a service at this class's database and the shared broker, trusting {@link TestTokens}. */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("datasources.default.url", database().jdbcUrl());
        props.put("datasources.default.username", database().user());
        props.put("datasources.default.password", database().password());
        props.put("datasources.default.maximum-pool-size", 4);
        props.put("datasources.default.minimum-idle", 1);
        props.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        props.putAll(TestTokens.trustingSettings());
        return props;
    }

    /**
     * Starts the service under test (the Micronaut application on the test classpath) on a free port, with
     * {@link #serviceProperties()}; close it in the class's {@code @AfterAll}.
     */
    public EmbeddedServer startService() {
        return startService(Map.of());
    }

    /** {@link #startService()} with more properties, which win over the defaults. */
    public EmbeddedServer startService(Map<String, Object> more) {
        Map<String, Object> props = new LinkedHashMap<>(serviceProperties());
        props.put("micronaut.server.port", -1);
        props.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }
}
