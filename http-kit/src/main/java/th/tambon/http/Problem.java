package th.tambon.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error Tambon answers with media type
 * {@code application/problem+json}. {@code errors} names each offending field of the request;
 * it is always present, {@code []} when no field is at fault. {@code errorId} is set on an unexpected error only: the
 * log has the details under that id, the answer never does.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonInclude(JsonInclude.Include.ALWAYS) List<FieldError> errors,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://tambon.th/problems/";
    /** Set by the gateway: the path the client called, which a problem's {@code instance} names. */
    public static final String FORWARDED_URI_HEADER = "X-Forwarded-Uri";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** One field of the request that is missing or wrong, named by its JSON path ({@code lines[0].amount}). */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
