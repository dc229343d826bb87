package th.tambon.testkit.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller), in this JVM, from the {@code kafka_2.13}
 * jar. It keeps its log directory across {@link #stop()} and {@link #start()}, so a test can take the broker away
 * and bring the same one back on the same port.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    public static final String VERSION = org.apache.kafka.common.utils.AppInfoParser.getVersion();

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final int partitions;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(int port, int controllerPort, Path logDir, int partitions) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.partitions = partitions;
    }

    /** A broker on free ports with a fresh temporary log directory. */
    public static EmbeddedKafkaBroker onFreePorts() {
        try {
            return new EmbeddedKafkaBroker(FreePorts.find(), FreePorts.find(),
                    Files.createTempDirectory("tambon-kafka-"), 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        Properties props = properties();
        try {
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                Files.createDirectories(logDir);
                new Formatter()
                        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                        .setClusterId(Uuid.randomUuid().toString())
                        .setNodeId(1)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .run();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDir, e);
        }
        KafkaRaftServer raft = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        raft.startup();
        server = raft;
        return this;
    }

    /** Stops the broker and waits until it is down; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.flush.interval.messages", "1");
        props.put("controlled.shutdown.enable", "true");
        props.put("controller.quorum.election.timeout.ms", "1000");
        props.put("controller.quorum.fetch.timeout.ms", "2000");
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "9000");
        props.put("shutdown.delay.ms", "0");
        return props;
    }
}
