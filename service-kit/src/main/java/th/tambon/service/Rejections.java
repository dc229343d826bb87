package th.tambon.service;

import th.tambon.http.ApiProblemException;

/**
 * How the HTTP edge answers a business rejection: 409 for a duplicate or a step the current state does not allow, 404
 * for something unknown, 422 for a mismatch, 412 for a stale If-Match, 428 for a missing one where required, 403 when the actor may not touch the object
 * (another ESA's school).
 */
public final class Rejections {
    private Rejections() {
    }

    public static ApiProblemException toProblem(Rejection rejection) {
        return switch (rejection.reason()) {
            case DUPLICATE -> ApiProblemException.conflict(rejection.field(), rejection.message());
            case UNKNOWN_REFERENCE -> ApiProblemException.unknownReference(rejection.field(), rejection.message());
            case NOT_FOUND -> ApiProblemException.notFound(rejection.message());
            case ILLEGAL_STATE -> ApiProblemException.illegalState(rejection.field(), rejection.message());
            case STALE -> ApiProblemException.stale(rejection.field(), rejection.message());
            case PRECONDITION_REQUIRED -> ApiProblemException.preconditionRequired(rejection.field(), rejection.message());
            case INCONSISTENT -> ApiProblemException.invalidField(rejection.field(), rejection.message());
            case FORBIDDEN -> ApiProblemException.forbidden(rejection.message());
            case NOT_READY -> ApiProblemException.notReady(rejection.message());
        };
    }

    public static <T> T valueOrThrow(Outcome<T> outcome) {
        if (outcome.rejection() != null) {
            throw toProblem(outcome.rejection());
        }
        return outcome.value();
    }
}
