package th.tambon.schools.shared;

/** A business refusal of a command: which field is at fault and why. Not an exception: an expected outcome. */
public record Rejection(Reason reason, String field, String message) {
    public enum Reason { DUPLICATE, UNKNOWN_REFERENCE, INCONSISTENT, FORBIDDEN }
}
