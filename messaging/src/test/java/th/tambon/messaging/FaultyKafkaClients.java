package th.tambon.messaging;

import io.micronaut.configuration.kafka.KafkaConsumerFactory;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kafka clients that fail on purpose, for the kit's fault tests; the broker and the database stay real.
 * <ul>
 *   <li>consumers whose next {@link #commitFailures} offset commits fail with a {@link TimeoutException};</li>
 *   <li>{@link KillingPoll}: a consumer interceptor whose {@code onConsume} throws an {@link Error} while
 *       {@link #pollKills} is positive, which ends micronaut-kafka's poll loop;</li>
 *   <li>{@link FailingSend}: a producer interceptor whose {@code onSend} throws an {@link Error} while
 *       {@link #sendFailures} is positive.</li>
 * </ul>
 */
@Factory
@Requires(property = "kit-test.faulty-consumers", value = "true")
public class FaultyKafkaClients {
    static final AtomicInteger commitFailures = new AtomicInteger();
    static final AtomicInteger commitsFailed = new AtomicInteger();
    static final AtomicInteger pollKills = new AtomicInteger();
    static final AtomicInteger sendFailures = new AtomicInteger();

    @Prototype
    @Replaces(bean = Consumer.class, factory = KafkaConsumerFactory.class)
    @SuppressWarnings("unchecked")
    <K, V> Consumer<K, V> consumer(@Parameter AbstractKafkaConsumerConfiguration<K, V> configuration) {
        Consumer<K, V> real = new KafkaConsumer<>(configuration.getConfig(),
                configuration.getKeyDeserializer().orElseThrow(), configuration.getValueDeserializer().orElseThrow());
        return (Consumer<K, V>) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[]{Consumer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commitSync") && takeOne(commitFailures)) {
                        commitsFailed.incrementAndGet();
                        throw new TimeoutException("injected: the offset commit timed out");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public static final class KillingPoll implements ConsumerInterceptor<Object, Object> {
        @Override
        public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
            if (!records.isEmpty() && takeOne(pollKills)) {
                throw new StackOverflowError("injected: an Error inside poll");
            }
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    public static final class FailingSend implements ProducerInterceptor<Object, Object> {
        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            if (takeOne(sendFailures)) {
                throw new AssertionError("injected: the relay's producer is broken");
            }
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
