package th.tambon.http;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Renders every error Micronaut or our code produces (unknown route, malformed JSON, body too large, validation,
 * {@link ApiProblemException}) as an RFC 9457 problem: one shape and one media type for all clients. An unexpected
 * error (a 5xx nobody chose) answers a generic problem with an error id; its message, which may hold SQL, class
 * names or data, goes only to the log, under that id.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public class ProblemResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponseProcessor.class);
    /** Whether {@code X-Forwarded-Uri} names the path the client called: true behind the gateway, false in it. */
    static final String TRUST_FORWARDED_URI = "tambon.http.trust-forwarded-uri";
    private final boolean trustForwardedUri;

    public ProblemResponseProcessor(@Value("${" + TRUST_FORWARDED_URI + ":true}") boolean trustForwardedUri) {
        this.trustForwardedUri = trustForwardedUri;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        String instance = instanceOf(context);
        var chosen = context.getRootCause().filter(ApiProblemException.class::isInstance).map(ApiProblemException.class::cast);
        Problem problem;
        if (chosen.isPresent()) {
            ApiProblemException p = chosen.get();
            problem = new Problem(Problem.TYPE_BASE + p.type(), p.status().getReason(), p.status().getCode(),
                    p.getMessage(), instance, p.errors());
        } else if (status.getCode() >= 500 && unstorableText(context)) {
            response.status(HttpStatus.UNPROCESSABLE_ENTITY);
            problem = new Problem(Problem.TYPE_BASE + "unstorable-text", HttpStatus.UNPROCESSABLE_ENTITY.getReason(),
                    422, "The request holds a character no text can hold here (U+0000, NUL, or half of a UTF-16 "
                    + "surrogate pair such as \\uD800 alone); remove it", instance,
                    List.of());
        } else if (status.getCode() >= 500) {
            problem = unexpected(context, status, instance);
        } else {
            problem = fromContext(context, status, instance);
        }
        return response.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    /**
     * PostgreSQL refused a value of the request because text cannot hold it (SQL state 22021
     * character_not_in_repertoire, 22P05 untranslatable_character: a NUL in a code, a query or a field; 22P02 from
     * its JSON parser for a lone surrogate such as {@code \uD800}, which JSON text may spell but no character is). The
     * statement failed, so its transaction changed nothing: the client's input is at fault, not the service.
     */
    private static boolean unstorableText(ErrorContext context) {
        for (Throwable t = context.getRootCause().orElse(null); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())
                    || ("22P02".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("surrogate")))) {
                return true;
            }
        }
        return false;
    }

    private static Problem unexpected(ErrorContext context, HttpStatus status, String instance) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} answering {} {}", errorId, context.getRequest().getMethodName(),
                context.getRequest().getPath(), context.getRootCause().orElse(null));
        return new Problem(Problem.TYPE_BASE + "unexpected-error", status.getReason(), status.getCode(),
                "Something went wrong on our side. If it happens again, report error id " + errorId + ".", instance,
                List.of(), errorId);
    }

    /**
     * The path the client called: the gateway's, when the request came through it. The gateway itself, the front
     * door, takes no client's word for it.
     */
    private String instanceOf(ErrorContext context) {
        String forwarded = trustForwardedUri ? context.getRequest().getHeaders().get(Problem.FORWARDED_URI_HEADER) : null;
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
