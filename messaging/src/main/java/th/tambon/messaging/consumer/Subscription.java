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
 * What an {@link InboxListener} accepts and how it handles each event type:
 * {@code Subscription.from(Topics.producerOf(Topics.SCHOOLS_V1).orElseThrow()).on(SchoolRegistered.class, handler)}.
 * Events from any other {@code ce_source} are dead-lettered; event types it does not handle, or does not know (a
 * newer type published beside the one it handles), are skipped and counted.
 */
public final class Subscription {
    private final Set<String> sources;
    private final Map<EventType, Registration<?>> handlers = new EnumMap<>(EventType.class);

    private Subscription(Set<String> sources) {
        this.sources = sources;
    }

    /** Accepts events only from these CloudEvents sources, e.g. {@code Topics.producerOf(Topics.SCHOOLS_V1)}. */
    public static Subscription from(String... sources) {
        if (sources.length == 0) {
            throw new IllegalArgumentException("name at least one source");
        }
        return new Subscription(new LinkedHashSet<>(List.of(sources)));
    }

    public <T extends EventData> Subscription on(Class<T> dataClass, EventHandler<T> handler) {
        handlers.put(EventType.of(dataClass), new Registration<>(dataClass, handler));
        return this;
    }

    /** The topics of the event types it handles. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        handlers.keySet().forEach(type -> topics.add(type.topic()));
        return topics;
    }

    boolean accepts(String source) {
        return sources.contains(source);
    }

    Set<String> sources() {
        return Set.copyOf(sources);
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
