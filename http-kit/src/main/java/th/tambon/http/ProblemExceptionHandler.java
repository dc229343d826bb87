package th.tambon.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/** An exception handler that says which problem an exception is; {@link ProblemResponseProcessor} renders it. */
abstract class ProblemExceptionHandler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> processor;

    ProblemExceptionHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    abstract ApiProblemException toProblem(E exception);

    @Override
    public HttpResponse<?> handle(HttpRequest request, E exception) {
        ApiProblemException problem = toProblem(exception);
        var response = HttpResponse.status(problem.status());
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return processor.processResponse(ErrorContext.builder(request).cause(problem).build(), response);
    }
}
