package th.tambon.http;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** Thrown at the HTTP edge to answer with a specific problem, e.g. a duplicate code (409) or an unknown ESA (404). */
public class ApiProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ApiProblemException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    /** A field of the body names something that does not exist (a school's {@code esa}): 404, naming the field. */
    public static ApiProblemException unknownReference(String field, String detail) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "unknown-reference", detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** The caller's token is valid but does not allow this on this object (another ESA's school, say): 403. */
    public static ApiProblemException forbidden(String detail) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, List.of());
    }

    public static ApiProblemException conflict(String field, String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, "conflict", detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** Not allowed in the current state (an illegal transition, a second active school in a tambon): 409. */
    public static ApiProblemException illegalState(String field, String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, "illegal-state", detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** The caller's If-Match names an older version: 412, nothing changed. */
    public static ApiProblemException stale(String field, String detail) {
        return new ApiProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /** The write must say which version it is based on (If-Match) and did not: 428, nothing changed. */
    public static ApiProblemException preconditionRequired(String field, String detail) {
        return new ApiProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", detail,
                List.of(new Problem.FieldError(field, detail)));
    }

    /**
     * The service cannot decide yet because something it learns from another service has not reached it (the
     * academic calendar, say): 503 with {@code Retry-After}, nothing changed; the same request later will do.
     */
    public static ApiProblemException notReady(String detail) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", detail, List.of());
    }

    /** One field is wrong: 422, detail "{field}: {message}" like a single bean-validation failure. */
    public static ApiProblemException invalidField(String field, String message) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "validation", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
