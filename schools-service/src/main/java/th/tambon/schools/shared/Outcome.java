package th.tambon.schools.shared;

/** The result of a command: the new state, or the rejection that stopped it (nothing stored, nothing published). */
public record Outcome<T>(T value, Rejection rejection) {
    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> forbidden(String message) {
        return new Outcome<>(null, new Rejection(Rejection.Reason.FORBIDDEN, null, message));
    }

    public static <T> Outcome<T> rejected(Rejection.Reason reason, String field, String message) {
        return new Outcome<>(null, new Rejection(reason, field, message));
    }

    /**
     * Whether a change based on version {@code expected} (the caller's If-Match; null when none was sent) must be
     * refused because the thing is now at {@code current}.
     */
    public static boolean stale(Long expected, long current) {
        return expected != null && expected != current;
    }

    /** The 412 refusal of a change based on version {@code expected} of something now at {@code current}. */
    public static <T> Outcome<T> stale(String what, long current, long expected) {
        return rejected(Rejection.Reason.STALE, "If-Match", what + " is at version " + current + ", not " + expected
                + ": read it again and reapply the change");
    }
}
