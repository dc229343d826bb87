package th.tambon.http.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import th.tambon.http.Problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem responses of Tambon's APIs for the OpenAPI documents, one annotation each, so an endpoint documents
 * its errors in a line: {@code @ProblemResponses.Conflict @ProblemResponses.AnyWrite}; {@link AnyCall} and {@link AnyWrite}
 * gather the responses every call and every write may give. docs/decisions/0004 has when
 * each is answered.
 */
public final class ProblemResponses {
    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private ProblemResponses() {
    }

    /** 400: the body is not JSON, missing, or not an object. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "400", description = "The body cannot be read: not JSON, missing, or not an object",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not JSON", value = """
                            {"type":"https://tambon.th/problems/malformed-request","title":"Bad Request","status":400,
                             "detail":"The body is not valid JSON at line 1, column 22: Unexpected end-of-input",
                             "instance":"/api/v1/schools","errors":[]}""")))
    public @interface MalformedRequest {
    }

    /** 404: what the path names does not exist. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "Nothing has the code in the path",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = """
                            {"type":"https://tambon.th/problems/not-found","title":"Not Found","status":404,
                             "detail":"No school with SMIS code 99999999","instance":"/api/v1/schools/99999999",
                             "errors":[]}""")))
    public @interface NotFound {
    }

    /** 404: a field of the body names something that does not exist. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "404", description = "A field names something that does not exist; errors[] names the field",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown ESA", value = """
                            {"type":"https://tambon.th/problems/unknown-reference","title":"Not Found","status":404,
                             "detail":"No ESA with code P31-9 is registered","instance":"/api/v1/schools",
                             "errors":[{"field":"esa","message":"No ESA with code P31-9 is registered"}]}""")))
    public @interface UnknownReference {
    }

    /** 409: the code is taken. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "409", description = "Something with this code is already registered",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate", value = """
                            {"type":"https://tambon.th/problems/conflict","title":"Conflict","status":409,
                             "detail":"School 31040001 is already registered","instance":"/api/v1/schools",
                             "errors":[{"field":"code","message":"School 31040001 is already registered"}]}""")))
    public @interface Conflict {
    }

    /** 409: the command is not allowed in the thing's current state (an illegal transition, a tambon's second active school). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "409", description = "Not allowed in the current state: an illegal transition, or a rule "
            + "such as one active quality school per tambon; the detail names what stands in the way",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "second active school", value = """
                            {"type":"https://tambon.th/problems/illegal-state","title":"Conflict","status":409,
                             "detail":"Tambon 312104 already has an active quality school: 31040001 โรงเรียนบ้านหัวฝาย",
                             "instance":"/api/v1/designations/8e1c/activate",
                             "errors":[{"field":"tambonCode","message":"Tambon 312104 already has an active quality school: 31040001 โรงเรียนบ้านหัวฝาย"}]}""")))
    public @interface IllegalState {
    }

    /** 412: the If-Match version is not the current one. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "412", description = "If-Match names no current version (a weak tag never does): "
            + "someone changed it since you read it; nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = """
                            {"type":"https://tambon.th/problems/stale-version","title":"Precondition Failed","status":412,
                             "detail":"School 31040001 is at version 3, which If-Match (\\"2\\") does not name: read it again and reapply the change",
                             "instance":"/api/v1/schools/31040001","errors":[{"field":"If-Match","message":"School 31040001 is at version 3, which If-Match (\\"2\\") does not name: read it again and reapply the change"}]}""")))
    public @interface Stale {
    }

    /** 428: the write must carry If-Match and did not. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "428", description = "This write must name the version it is based on in If-Match "
            + "(the ETag you read); nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no If-Match", value = """
                            {"type":"https://tambon.th/problems/precondition-required","title":"Precondition Required","status":428,
                             "detail":"Approving or returning a plan needs If-Match with the ETag of the plan you read",
                             "instance":"/api/v1/schools/31040001/plans/2563/steps","errors":[{"field":"If-Match","message":"Approving or returning a plan needs If-Match with the ETag of the plan you read"}]}""")))
    public @interface PreconditionRequired {
    }

    /** 413: the body is over 64 KB. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "413", description = "The body is over 64 KB",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public @interface PayloadTooLarge {
    }

    /** 422: fields or query parameters missing, ill-formed, of the wrong type or inconsistent; each named. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "422", description = "A field or query parameter is missing, ill-formed, of the wrong "
            + "type, out of range or inconsistent with another; errors[] names each",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid fields", value = """
                            {"type":"https://tambon.th/problems/validation","title":"Unprocessable Entity","status":422,
                             "detail":"2 fields are invalid","instance":"/api/v1/schools",
                             "errors":[{"field":"code","message":"must be the 8-digit SMIS code"},
                                       {"field":"tambonCode","message":"must be the 6-digit DOPA tambon code"}]}""")))
    public @interface Validation {
    }

    /** 500: an unexpected error; the log has the details under the error id. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "500", description = "Something went wrong on the service's side; quote the errorId",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unexpected", value = """
                            {"type":"https://tambon.th/problems/unexpected-error","title":"Internal Server Error",
                             "status":500,"detail":"Something went wrong on our side. If it happens again, report error id 0b6b3c1e-5f7a-4c55-9a8e-2b1e3f0c9d41.",
                             "instance":"/api/v1/schools","errors":[],"errorId":"0b6b3c1e-5f7a-4c55-9a8e-2b1e3f0c9d41"}""")))
    public @interface Unexpected {
    }

    /** 401: no valid bearer token. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "401", description = "No valid bearer token: none, expired, altered or signed with an untrusted key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = """
                            {"type":"https://tambon.th/problems/unauthenticated","title":"Unauthorized","status":401,
                             "detail":"This request needs a valid bearer token (Authorization: Bearer <token>); none was sent, or it has expired, was altered or is signed with a key this service does not trust",
                             "instance":"/api/v1/schools","errors":[]}""")))
    public @interface Unauthenticated {
    }

    /** 403: the token is valid, its role or its ESA or school does not allow this. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ApiResponse(responseCode = "403", description = "The token's role, ESA or school does not allow this; nothing was changed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "another ESA", value = """
                            {"type":"https://tambon.th/problems/forbidden","title":"Forbidden","status":403,
                             "detail":"An officer of P31-4 cannot register a school of P51-1","instance":"/api/v1/schools",
                             "errors":[]}""")))
    public @interface Forbidden {
    }

    /** What any call of a secured endpoint may answer: 401, 403 and 500. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Unauthenticated
    @Forbidden
    @Unexpected
    public @interface AnyCall {
    }

    /** What any write with a JSON body may answer besides {@link AnyCall}: 400, 413 and 422. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @MalformedRequest
    @PayloadTooLarge
    @Validation
    @AnyCall
    public @interface AnyWrite {
    }
}
