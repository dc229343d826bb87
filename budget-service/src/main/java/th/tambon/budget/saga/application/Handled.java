package th.tambon.budget.saga.application;

import java.util.UUID;

/**
 * What a funding event from events-service did in budget-service, and why in words (for the log, or the dead letter
 * when it breaks the contract).
 */
public record Handled(Outcome outcome, String why) {
    public enum Outcome {
        /** the saga moved on: answered, released, spent or refused */
        MOVED,
        /** asked again: the answer given before was published again */
        REPEATED,
        /** a replay of an event handled already, or a step that has nothing left to do: nothing changed */
        NOTHING,
        /** the event breaks the contract (an id that is no UUID, a request never made): a dead letter */
        WRONG
    }

    static Handled moved(String why) {
        return new Handled(Outcome.MOVED, why);
    }

    static Handled repeated(String why) {
        return new Handled(Outcome.REPEATED, why);
    }

    static Handled nothing(String why) {
        return new Handled(Outcome.NOTHING, why);
    }

    static Handled wrong(String why) {
        return new Handled(Outcome.WRONG, why);
    }

    /** The activity's id, or {@link WrongEventException} when it is not a UUID. */
    static UUID activityId(String activity) {
        try {
            return UUID.fromString(activity);
        } catch (IllegalArgumentException e) {
            throw new WrongEventException("activity " + activity + " is not an activity id");
        }
    }

    /** An event that breaks the contract before anything was read. */
    public static final class WrongEventException extends RuntimeException {
        WrongEventException(String message) {
            super(message);
        }
    }
}
