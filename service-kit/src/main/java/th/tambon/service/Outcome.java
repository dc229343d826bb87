package th.tambon.service;

import th.tambon.http.IfMatch;

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

    /** Whether a change must be refused because its If-Match does not name {@code current}, the version it meets. */
    public static boolean stale(IfMatch ifMatch, long current) {
        return !ifMatch.matches(current);
    }

    /** The 412 refusal of a change whose If-Match does not name {@code current}, the version {@code what} is at. */
    public static <T> Outcome<T> stale(String what, long current, IfMatch ifMatch) {
        return rejected(Rejection.Reason.STALE, IfMatch.HEADER, what + " is at version " + current + ", which If-Match ("
                + ifMatch + ") does not name" + (ifMatch.weaklyNames(current) ? " but by a weak tag, which never matches"
                : "") + ": read it again and reapply the change");
    }

    /** The 428 refusal of a change that must say, in If-Match, which version it was decided on. */
    public static <T> Outcome<T> preconditionRequired(String why) {
        return rejected(Rejection.Reason.PRECONDITION_REQUIRED, IfMatch.HEADER, why);
    }
}
