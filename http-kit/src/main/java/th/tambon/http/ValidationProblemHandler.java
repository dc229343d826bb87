package th.tambon.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers a request that breaks its constraints with 422 and one entry per offending field, named as the client
 * wrote it ({@code code}, {@code lines[0].amount}) rather than by the Java method and parameter.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ValidationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> processor;

    public ValidationProblemHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<Error> errors = exception.getConstraintViolations().stream()
                .map(v -> fieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(e -> e.getPath().orElse("")))
                .toList();
        return processor.processResponse(ErrorContext.builder(request).cause(exception).errors(errors).build(),
                HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY));
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<Path.Node> fields = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR)
                .toList();
        // The first remaining node is the method parameter; a body's fields follow it.
        if (fields.size() > 1 && fields.get(0).getKind() == ElementKind.PARAMETER) {
            fields = fields.subList(1, fields.size());
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : fields) {
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // an element of a list field: members[1], not members.<list element>[1]
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            // a node's index is its place in the list before it: targets[0].track, not targets.track[0]
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.toString();
    }

    private static Error fieldError(String field, String message) {
        return new Error() {
            @Override
            public Optional<String> getPath() {
                return Optional.of(field);
            }

            @Override
            public String getMessage() {
                return message;
            }
        };
    }
}
