package th.tambon.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Renders every error Micronaut or our code produces (unknown route, malformed JSON, body too large, validation,
 * {@link ApiProblemException}) as an RFC 9457 problem: one shape and one media type for all clients.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String instance = instanceOf(context);
        Problem problem = context.getRootCause()
                .filter(ApiProblemException.class::isInstance)
                .map(ApiProblemException.class::cast)
                .map(p -> new Problem(Problem.TYPE_BASE + p.type(), p.status().getReason(), p.status().getCode(),
                        p.getMessage(), instance, p.errors()))
                .orElseGet(() -> fromContext(context, status, instance));
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /** The path the client called: the gateway's, when the request came through it. */
    private static String instanceOf(ErrorContext context) {
        String forwarded = context.getRequest().getHeaders().get(Problem.FORWARDED_URI_HEADER);
        return forwarded != null && forwarded.startsWith("/") ? forwarded : context.getRequest().getPath();
    }

    private Problem fromContext(ErrorContext context, HttpStatus status, String instance) {
        List<Problem.FieldError> errors = context.getErrors().stream()
                .filter(e -> e.getPath().isPresent())
                .map(e -> new Problem.FieldError(e.getPath().get(), e.getMessage()))
                .toList();
        String detail = errors.isEmpty()
                ? context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason())
                : errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(Problem.TYPE_BASE + typeOf(status), status.getReason(), status.getCode(), detail, instance,
                errors);
    }

    private static String typeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNPROCESSABLE_ENTITY -> "validation";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            default -> status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        };
    }
}
