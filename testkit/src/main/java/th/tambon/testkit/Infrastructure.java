package th.tambon.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import th.tambon.testkit.kafka.EmbeddedKafkaBroker;
import th.tambon.testkit.postgres.EmbeddedPostgresServer;
import th.tambon.testkit.postgres.PostgresServer;


/**
 * The real infrastructure of a test JVM: one Kafka broker and one PostgreSQL server, started on first use and
 * stopped when the JVM exits. With a Docker engine they are Testcontainers' Kafka and PostgreSQL; without one,
 * a KRaft broker from the {@code kafka_2.13} jar and the PostgreSQL at 127.0.0.1:5432 if it answers, else an
 * embedded PostgreSQL. {@code -Dtambon.infra=embedded|docker} forces a choice.
 */
public final class Infrastructure {
    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private static final String KAFKA_IMAGE = "apache/kafka:" + EmbeddedKafkaBroker.VERSION;
    private static final String POSTGRES_IMAGE = "postgres:15-alpine";

    private static Boolean docker;
    private static String kafka;
    private static PostgresServer postgres;

    private Infrastructure() {
    }

    /** Bootstrap servers of the JVM's shared broker. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            if (useDocker()) {
                // as the embedded broker and docker-compose.yml: only the services create topics, never a send
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
                        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                kafka = container.getBootstrapServers();
                LOG.info("using Testcontainers Kafka {} at {}", KAFKA_IMAGE, kafka);
            } else {
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.onFreePorts().start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
                kafka = broker.bootstrapServers();
                LOG.info("using embedded Kafka {} (KRaft, kafka_2.13) at {}: no Docker engine", EmbeddedKafkaBroker.VERSION,
                        kafka);
            }
        }
        return kafka;
    }

    /** The JVM's PostgreSQL server; tests create their own databases on it. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    private static PostgresServer startPostgres() {
        if (useDocker()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(POSTGRES_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            PostgresServer server = new PostgresServer("Testcontainers " + POSTGRES_IMAGE, container.getHost(),
                    container.getMappedPort(5432), container.getUsername(), container.getPassword());
            LOG.info("using {} at {}:{}", server.description(), server.host(), server.port());
            return server;
        }
        PostgresServer local = new PostgresServer("local PostgreSQL", "127.0.0.1",
                Integer.getInteger("tambon.postgres.port", 5432), System.getProperty("tambon.postgres.user", "postgres"),
                System.getProperty("tambon.postgres.password", ""));
        boolean forced = "embedded".equals(System.getProperty("tambon.postgres"));
        if (!forced && local.answers()) {
            LOG.info("using the local PostgreSQL at 127.0.0.1:{}", local.port());
            return local;
        }
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        LOG.info("using embedded PostgreSQL at 127.0.0.1:{}: {}", embedded.server().port(),
                forced ? "forced by -Dtambon.postgres=embedded" : "nothing answered on 127.0.0.1:" + local.port());
        return embedded.server();
    }

    /** True when tests use Testcontainers; decided once per JVM. */
    public static synchronized boolean useDocker() {
        if (docker == null) {
            String forced = System.getProperty("tambon.infra", System.getenv().getOrDefault("TAMBON_INFRA", ""));
            if (forced.equals("embedded")) {
                docker = false;
            } else if (forced.equals("docker")) {
                docker = true;
            } else {
                boolean available;
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | LinkageError e) {
                    available = false;
                }
                docker = available;
            }
        }
        return docker;
    }
}
