package th.tambon.service;

/**
 * What a domain rule decided about a change: the thing after it, or the field at fault and why. {@code illegal} marks
 * a change the current state does not allow (a submitted plan edited, a withdrawn designation activated: 409), as
 * against a value that breaks a rule (422).
 */
public record Step<T>(T result, String field, String refusal, boolean illegal) {
    public static <T> Step<T> to(T result) {
        return new Step<>(result, null, null, false);
    }

    public static <T> Step<T> refused(String field, String why) {
        return new Step<>(null, field, why, false);
    }

    public static <T> Step<T> illegal(String field, String why) {
        return new Step<>(null, field, why, true);
    }

    public boolean taken() {
        return result != null;
    }

    /** The command's refusal when the step was not taken: 409 when illegal, else 422, naming the field. */
    public <R> Outcome<R> rejection() {
        if (taken()) {
            throw new IllegalStateException("the step was taken");
        }
        return Outcome.rejected(illegal ? Rejection.Reason.ILLEGAL_STATE : Rejection.Reason.INCONSISTENT, field,
                field + ": " + refusal);
    }
}
