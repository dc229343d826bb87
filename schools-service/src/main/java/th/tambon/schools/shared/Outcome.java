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
}
