package th.tambon.testkit.kafka;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafkaBroker} as a process of its own for {@code bin/dev}:
 * {@code KafkaBrokerMain --port 9092 --controller-port 9093 --data-dir .dev/kafka}. Stops cleanly on SIGTERM.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 9092;
        int controllerPort = 9093;
        Path dataDir = Path.of(".dev/kafka");
        int partitions = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: KafkaBrokerMain [--port 9092] [--controller-port 9093] "
                            + "[--data-dir .dev/kafka] [--partitions 3]");
                    System.exit(2);
                }
            }
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(port, controllerPort, dataDir.toAbsolutePath(), partitions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "kafka-shutdown"));
        broker.start();
        System.out.println("Kafka ready on " + broker.bootstrapServers() + " (Apache Kafka " + EmbeddedKafkaBroker.VERSION
                + ", KRaft, data in " + dataDir.toAbsolutePath() + ")");
        System.out.flush();
        stopped.await();
    }
}
