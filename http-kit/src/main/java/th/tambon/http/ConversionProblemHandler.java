package th.tambon.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Answers a value of the wrong type, in a JSON body ({@code "zone": "four"}) or a query parameter
 * ({@code ?page=two}), with 422 naming the field as the client wrote it and the type it must have, instead of
 * Micronaut's 400 naming the Java parameter.
 */
@Singleton
@Replaces(ConversionErrorHandler.class)
public class ConversionProblemHandler extends ProblemExceptionHandler<ConversionErrorException> {
    public ConversionProblemHandler(ErrorResponseProcessor<?> processor) {
        super(processor);
    }

    @Override
    ApiProblemException toProblem(ConversionErrorException exception) {
        Argument<?> argument = exception.getArgument();
        if (!argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            String name = RequestArguments.nameOf(argument);
            return ApiProblemException.invalidField(name, TypeExpectations.of(argument.getType()));
        }
        return bodyFieldAtFault(exception)
                .map(field -> ApiProblemException.invalidField(field.path(), field.expectation()))
                .orElseGet(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed-request",
                        "The body must be a JSON object with the documented fields", List.of()));
    }

    private record FieldAtFault(String path, String expectation) {
    }

    private static Optional<FieldAtFault> bodyFieldAtFault(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SerdeException serde && !serde.getPath().isEmpty()) {
                List<ReferencePath> path = serde.getPath();
                return Optional.of(new FieldAtFault(jsonPath(path),
                        TypeExpectations.of(path.get(path.size() - 1).getArgument().getType())));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** {@code lines[0].amount}, from the path serde reports. */
    static String jsonPath(List<ReferencePath> path) {
        StringBuilder field = new StringBuilder();
        for (ReferencePath step : path) {
            if (step instanceof CollectionItemReferencePath item) {
                field.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                field.append('.').append(entry.key());
            } else if (step instanceof PropertyReferencePath property) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(property.property().getName());
            }
        }
        return field.toString();
    }
}
