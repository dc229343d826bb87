package th.tambon.service;

/** A business refusal of a command: which field is at fault and why. Not an exception: an expected outcome. */
public record Rejection(Reason reason, String field, String message) {
    public enum Reason {
        /** the thing exists already (409) */
        DUPLICATE,
        /** the body names something that does not exist (404) */
        UNKNOWN_REFERENCE,
        /** the thing the path names does not exist (404) */
        NOT_FOUND,
        /** the fields disagree with each other or with stored facts (422) */
        INCONSISTENT,
        /** the command is not allowed in the thing's current state, e.g. an illegal transition (409) */
        ILLEGAL_STATE,
        /** the caller's If-Match names an older version (412) */
        STALE,
        /** the command must carry If-Match and did not (428) */
        PRECONDITION_REQUIRED,
        /** the actor may not touch this thing (403) */
        FORBIDDEN,
        /** something learnt from another service has not arrived yet: the same command later will do (503) */
        NOT_READY
    }
}
