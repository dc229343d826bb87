package th.tambon.messaging.consumer;

import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one consumer of a service reads and how it handles each event type. Declare it as a bean; the kit runs it
 * with consumer group {@code <service>.<name>}. Event types of the topic that it does not handle are acknowledged
 * and skipped; types unknown to the contract are dead-lettered, and so are events from a {@code ce_source} the
 * subscription does not accept when it names its sources with {@link #from}.
 */
public final class Subscription {
    private final String name;
    private final Set<String> topics = new LinkedHashSet<>();
    private final Map<EventType, Registration<?>> handlers = new EnumMap<>(EventType.class);
    private final Set<String> sources = new LinkedHashSet<>();

    private Subscription(String name) {
        this.name = name;
    }

    public static Subscription named(String name) {
        return new Subscription(name);
    }

    public Subscription topic(String topic) {
        topics.add(topic);
        return this;
    }

    public <T extends EventData> Subscription on(Class<T> dataClass, EventHandler<T> handler) {
        EventType type = EventType.of(dataClass);
        topics.add(type.topic());
        handlers.put(type, new Registration<>(dataClass, handler));
        return this;
    }

    /**
     * Accepts events only from these CloudEvents sources (e.g. {@code Topics.producerOf(Topics.SCHOOLS_V1)}); any
     * other source is dead-lettered. Without it, every source is accepted.
     */
    public Subscription from(String... sources) {
        this.sources.addAll(List.of(sources));
        return this;
    }

    boolean accepts(String source) {
        return sources.isEmpty() || sources.contains(source);
    }

    Set<String> sources() {
        return Set.copyOf(sources);
    }

    public String name() {
        return name;
    }

    public Set<String> topics() {
        return Set.copyOf(topics);
    }

    Optional<Registration<?>> registrationFor(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    record Registration<T extends EventData>(Class<T> dataClass, EventHandler<T> handler) {
        void dispatch(EventData data, EventContext context) {
            handler.handle(dataClass.cast(data), context);
        }
    }
}
