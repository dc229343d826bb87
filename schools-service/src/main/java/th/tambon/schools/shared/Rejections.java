package th.tambon.schools.shared;

import th.tambon.http.ApiProblemException;

/**
 * How the HTTP edge answers a business rejection: 409 for a duplicate, 404 for a reference to something unknown, 422
 * for a mismatch, 403 when the actor may not touch the object (another ESA's school).
 */
public final class Rejections {
    private Rejections() {
    }

    public static ApiProblemException toProblem(Rejection rejection) {
        return switch (rejection.reason()) {
            case DUPLICATE -> ApiProblemException.conflict(rejection.field(), rejection.message());
            case UNKNOWN_REFERENCE -> ApiProblemException.unknownReference(rejection.field(), rejection.message());
            case INCONSISTENT -> ApiProblemException.invalidField(rejection.field(), rejection.message());
            case FORBIDDEN -> ApiProblemException.forbidden(rejection.message());
        };
    }

    public static <T> T valueOrThrow(Outcome<T> outcome) {
        if (outcome.rejection() != null) {
            throw toProblem(outcome.rejection());
        }
        return outcome.value();
    }
}
