package th.tambon.messaging.consumer;

import th.tambon.contracts.EventData;

/**
 * Applies one received event. Called inside the database transaction that also records the event in the inbox,
 * so the effect happens once. Throw {@link th.tambon.messaging.PoisonMessageException} for data that can never be
 * applied (it goes straight to the dead-letter topic); any other exception is retried, then dead-lettered, except
 * that an unreachable database is waited out.
 */
@FunctionalInterface
public interface EventHandler<T extends EventData> {
    void handle(T data, EventContext context);
}
