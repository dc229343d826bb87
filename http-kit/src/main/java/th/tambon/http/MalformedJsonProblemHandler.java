package th.tambon.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Answers a body that is not JSON with 400 and where the parser stopped ("line 1, column 28"), without the parser's
 * internals ({@code [Source: REDACTED (StreamReadFeature...)]}).
 */
@Singleton
@Replaces(JsonExceptionHandler.class)
public class MalformedJsonProblemHandler extends ProblemExceptionHandler<JsonSyntaxException> {
    public MalformedJsonProblemHandler(ErrorResponseProcessor<?> processor) {
        super(processor);
    }

    @Override
    ApiProblemException toProblem(JsonSyntaxException exception) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "malformed-request", describe(exception), List.of());
    }

    static String describe(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                String reason = json.getOriginalMessage()
                        .replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "")
                        .replaceAll("\\s+", " ")
                        .strip();
                JsonLocation at = json.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return "The body is not valid JSON" + where + ": " + reason;
            }
        }
        return "The body is not valid JSON";
    }
}
