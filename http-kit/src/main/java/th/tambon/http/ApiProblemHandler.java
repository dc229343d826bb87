package th.tambon.http;

import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers an {@link ApiProblemException} thrown by a controller with the problem it carries. */
@Singleton
public class ApiProblemHandler extends ProblemExceptionHandler<ApiProblemException> {
    public ApiProblemHandler(ErrorResponseProcessor<?> processor) {
        super(processor);
    }

    @Override
    ApiProblemException toProblem(ApiProblemException exception) {
        return exception;
    }
}
