package th.tambon.messaging.kafka;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.instrument.InstrumentedExecutorService;
import io.micronaut.scheduling.instrument.InstrumentedScheduledExecutorService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import th.tambon.messaging.health.MessagingHealth;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * micronaut-kafka runs each listener's poll loop as a task of the {@code consumer} executor, and a loop that an
 * {@link Error} escapes (from {@code poll}, an interceptor, the JVM) just ends: nothing restarts it and nothing
 * reports it. This wraps that executor's tasks so such an end is recorded and readiness goes DOWN. A loop that
 * returns normally was closed on shutdown.
 */
@Singleton
public class ConsumerLoopWatch implements BeanCreatedEventListener<ExecutorService> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoopWatch.class);
    private final MessagingHealth health;

    public ConsumerLoopWatch(MessagingHealth health) {
        this.health = health;
    }

    @Override
    public ExecutorService onCreated(BeanCreatedEvent<ExecutorService> event) {
        ExecutorService executor = event.getBean();
        if (!TaskExecutors.MESSAGE_CONSUMER.equals(event.getBeanIdentifier().getName())) {
            return executor;
        }
        if (executor instanceof ScheduledExecutorService scheduled) {
            return new InstrumentedScheduledExecutorService() {
                @Override
                public ScheduledExecutorService getTarget() {
                    return scheduled;
                }

                @Override
                public Runnable instrument(Runnable task) {
                    return watched(task);
                }
            };
        }
        return new InstrumentedExecutorService() {
            @Override
            public ExecutorService getTarget() {
                return executor;
            }

            @Override
            public Runnable instrument(Runnable task) {
                return watched(task);
            }
        };
    }

    private Runnable watched(Runnable loop) {
        return () -> {
            try {
                loop.run();
            } catch (Throwable failure) {
                String thread = Thread.currentThread().getName();
                health.loopEnded(thread, failure);
                LOG.error("A Kafka consumer loop on {} ended: its listener receives nothing until the service restarts",
                        thread, failure);
                throw failure;
            }
        };
    }
}
