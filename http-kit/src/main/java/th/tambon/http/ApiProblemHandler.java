package th.tambon.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

@Singleton
public class ApiProblemHandler implements ExceptionHandler<ApiProblemException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> processor;

    public ApiProblemHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiProblemException exception) {
        return processor.processResponse(ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(exception.status()));
    }
}
