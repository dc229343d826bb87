package th.tambon.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Answers a request without its body (400, "needs a JSON body") or without a required parameter (422 naming it),
 * instead of Micronaut's message naming the Java parameter ({@code Required Body [request] not specified}).
 */
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
public class MissingArgumentProblemHandler extends ProblemExceptionHandler<UnsatisfiedRouteException> {
    public MissingArgumentProblemHandler(ErrorResponseProcessor<?> processor) {
        super(processor);
    }

    @Override
    ApiProblemException toProblem(UnsatisfiedRouteException exception) {
        return exception instanceof UnsatisfiedBodyRouteException
                ? new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed-request",
                        "The request needs a JSON body", List.of())
                : ApiProblemException.invalidField(RequestArguments.nameOf(exception.getArgument()), "is required");
    }
}
