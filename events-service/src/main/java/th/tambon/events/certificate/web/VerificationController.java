package th.tambon.events.certificate.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import th.tambon.events.certificate.application.ReadingCertificates;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.http.ApiProblemException;
import th.tambon.http.Problem;
import th.tambon.http.openapi.ProblemResponses;

import java.util.Optional;

/**
 * The public lookup of a certificate by the verification code printed on it, without a token: as JSON, and as the
 * Thai page its QR code opens. Both show only what the certificate states and whether it still stands, and both are
 * limited per client address ({@link VerificationRateLimit}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Certificate verification", description = "Anyone, without a token, checks a certificate by the code "
        + "printed on it (its QR code opens /verify/{code}); limited per client address (429 with Retry-After)")
public class VerificationController {
    static final String API_PATH = "/api/v1/certificates/verify";
    static final String PAGE_PATH = "/verify";
    private static final String TOO_MANY = "Over the limit of lookups from one address: a 429 problem with Retry-After";

    private final ReadingCertificates reading;

    public VerificationController(ReadingCertificates reading) {
        this.reading = reading;
    }

    @Get(API_PATH + "/{code}")
    @ReadOnly
    @Operation(operationId = "verifyCertificate", summary = "Check a certificate by its verification code",
            description = "No token needed. What the certificate states (number, recipient, activity, ESA, date, "
                    + "chair) and VALID or REVOKED with the day it was revoked. The code may be typed in any case and "
                    + "with the dashes it is printed with. An unknown code is a 404 problem.")
    @ApiResponse(responseCode = "200", description = "The certificate as the public sees it",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @ApiResponse(responseCode = "429", description = TOO_MANY, headers = @Header(name = "Retry-After",
            description = "seconds"), content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @ProblemResponses.NotFound
    public VerificationView verify(@PathVariable @Parameter(description = "the verification code",
            example = "MFRGGZDFMZTWQ2LKNNWG23TJNBSWY3DP") String code) {
        return VerificationView.of(reading.verify(code).orElseThrow(() -> unknown()));
    }

    @Get(PAGE_PATH + "/{code}")
    @ReadOnly
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(operationId = "verifyCertificatePage", summary = "The Thai page a certificate's QR code opens",
            description = "No token needed. เกียรติบัตรนี้ถูกต้อง, or เกียรติบัตรนี้ถูกยกเลิกแล้ว with the day, and what the "
                    + "certificate states. An unknown code is a 404: a Thai page to a browser (Accept: text/html), "
                    + "else a problem.")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML))
    @ApiResponse(responseCode = "404", description = "No certificate has this code: a page to a browser, else a "
            + "problem", content = {@Content(mediaType = MediaType.TEXT_HTML),
            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))})
    @ApiResponse(responseCode = "429", description = TOO_MANY, headers = @Header(name = "Retry-After",
            description = "seconds"), content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public HttpResponse<String> page(@PathVariable @Parameter(description = "the verification code",
            example = "MFRGGZDFMZTWQ2LKNNWG23TJNBSWY3DP") String code, HttpRequest<?> request) {
        Optional<Certificate> found = reading.verify(code);
        if (found.isPresent()) {
            return html(HttpResponse.ok(VerificationPage.of(VerificationView.of(found.get()))));
        }
        if (request.accept().stream().noneMatch(type -> MediaType.TEXT_HTML.equals(type.getName()))) {
            throw unknown();
        }
        return html(HttpResponse.<String>notFound().body(VerificationPage.unknown()));
    }

    private static HttpResponse<String> html(MutableHttpResponse<String> response) {
        return response.contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    private static ApiProblemException unknown() {
        return ApiProblemException.notFound("No certificate has this verification code");
    }
}
