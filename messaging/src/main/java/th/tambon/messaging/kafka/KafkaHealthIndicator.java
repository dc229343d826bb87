package th.tambon.messaging.kafka;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Readiness of the broker connection: UP when the cluster answers a describe within two seconds. */
@Singleton
public class KafkaHealthIndicator implements HealthIndicator {
    private final Admin admin;

    public KafkaHealthIndicator(Admin admin) {
        this.admin = admin;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
            details.put("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS));
            details.put("nodes", cluster.nodes().get(2, TimeUnit.SECONDS).size());
            return HealthResult.builder("kafka", HealthStatus.UP).details(details).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthResult.builder("kafka", HealthStatus.DOWN).exception(e).build();
        }
    }
}
