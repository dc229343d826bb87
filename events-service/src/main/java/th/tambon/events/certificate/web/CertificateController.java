package th.tambon.events.certificate.web;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import th.tambon.events.certificate.application.AwardingCertificates;
import th.tambon.events.certificate.application.ReadingCertificates;
import th.tambon.events.certificate.application.RevokingCertificates;
import th.tambon.events.certificate.infrastructure.CertificatePdf;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.http.IfMatch;
import th.tambon.http.PageView;
import th.tambon.http.Paging;
import th.tambon.http.Versions;
import th.tambon.http.openapi.ProblemResponses;
import th.tambon.security.Actors;
import th.tambon.security.AnyRole;
import th.tambon.security.Roles;
import th.tambon.service.Rejections;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Certificates", description = "Certificates (เกียรติบัตร) awarded at held activities to the ESA's schools "
        + "or to persons: numbered per ESA and academic year without gaps (ที่ 12/2563), printed as PDF with a QR code "
        + "of their public lookup, revocable with a reason; th.tambon.certificate.awarded.v1 and .revoked.v1")
public class CertificateController {
    static final String PDF = "application/pdf";

    private final AwardingCertificates awarding;
    private final RevokingCertificates revoking;
    private final ReadingCertificates reading;
    private final CertificatePdf pdf;
    private final CertificateLinks links;

    public CertificateController(AwardingCertificates awarding, RevokingCertificates revoking,
                                 ReadingCertificates reading, CertificatePdf pdf, CertificateLinks links) {
        this.awarding = awarding;
        this.revoking = revoking;
        this.reading = reading;
        this.pdf = pdf;
        this.links = links;
    }

    @Post("/activities/{id}/certificates")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "awardCertificate", summary = "Award a certificate at an activity",
            description = "An officer of the activity's ESA or OBEC, at an activity that is HELD or REPORTED (else "
                    + "409 naming its state), to a school of the activity's ESA (422 naming school) or to a person; "
                    + "one per request, and one per school or person's name at an activity (a second is a 409 naming "
                    + "the first). Numbered next within the ESA and the activity's academic year, without gaps; an "
                    + "activity without an academic year (the calendar had not reached events-service) is a 409.")
    @ApiResponse(responseCode = "201", description = "Awarded",
            content = @Content(schema = @Schema(implementation = CertificateView.class)),
            headers = {@Header(name = "Location", description = "the certificate"),
                    @Header(name = "ETag", description = "the certificate's version")})
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.AnyWrite
    public HttpResponse<CertificateView> award(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                               @Body @Valid AwardRequest request, Authentication authentication) {
        request.requireOneRecipient();
        Certificate certificate = Rejections.valueOrThrow(awarding.award(id, request.school(), request.person(),
                request.personTitle(), Actors.of(authentication)));
        return HttpResponse.created(CertificateView.of(certificate, links),
                        URI.create("/api/v1/certificates/" + certificate.id()))
                .header("ETag", Versions.etag(certificate.version()));
    }

    @Get("/activities/{id}/certificates")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "listCertificates", summary = "The certificates awarded at an activity, in number order",
            description = "Whoever may read the activity.")
    @ApiResponse(responseCode = "200", description = "A page of certificates")
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public PageView<CertificateView> list(
            @PathVariable @Parameter(description = "the activity's id") UUID id,
            @Parameter(description = "zero-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @Parameter(description = "items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size,
            Authentication authentication) {
        var certificates = Rejections.valueOrThrow(reading.ofActivity(id, Pageable.from(page, size),
                Actors.of(authentication)));
        return PageView.of(certificates, c -> CertificateView.of(c, links));
    }

    @Get(value = "/activities/{id}/certificates/pdf", produces = PDF)
    @AnyRole
    @ReadOnly
    @Operation(operationId = "printCertificates", summary = "Every certificate of an activity as one PDF",
            description = "A4 landscape, a page per certificate in number order, each with the QR code of its public "
                    + "lookup; a revoked one is marked ยกเลิกแล้ว. Whoever may read the activity; an activity without "
                    + "certificates is a 404.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<byte[]> printAll(@PathVariable @Parameter(description = "the activity's id") UUID id,
                                         Authentication authentication) {
        List<Certificate> certificates = Rejections.valueOrThrow(reading.allOfActivity(id, Actors.of(authentication)));
        return pdf(pdf.renderAll(certificates.stream().map(c -> c.printed(links.verification(c.verificationCode())))
                .toList()), "certificates-" + id + ".pdf");
    }

    @Get("/certificates/{id}")
    @AnyRole
    @ReadOnly
    @Operation(operationId = "getCertificate", summary = "A certificate",
            description = "Whoever may read its activity.")
    @ApiResponse(responseCode = "200", description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateView.class)),
            headers = @Header(name = "ETag", description = "the certificate's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<CertificateView> get(@PathVariable @Parameter(description = "the certificate's id") UUID id,
                                             Authentication authentication) {
        Certificate certificate = Rejections.valueOrThrow(reading.read(id, Actors.of(authentication)));
        return Versions.ok(CertificateView.of(certificate, links), certificate.version());
    }

    @Get(value = "/certificates/{id}/pdf", produces = PDF)
    @AnyRole
    @ReadOnly
    @Operation(operationId = "printCertificate", summary = "A certificate as PDF",
            description = "One A4 landscape page with the QR code of its public lookup; marked ยกเลิกแล้ว when "
                    + "revoked. Whoever may read its activity.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = PDF))
    @ProblemResponses.NotFound
    @ProblemResponses.AnyCall
    public HttpResponse<byte[]> print(@PathVariable @Parameter(description = "the certificate's id") UUID id,
                                      Authentication authentication) {
        Certificate c = Rejections.valueOrThrow(reading.read(id, Actors.of(authentication)));
        return pdf(pdf.render(c.printed(links.verification(c.verificationCode()))),
                "certificate-" + c.esa() + "-" + c.academicYear() + "-" + c.number() + ".pdf");
    }

    @Post("/certificates/{id}/revocation")
    @Secured({Roles.OBEC_ADMIN, Roles.ESA_OFFICER})
    @Operation(operationId = "revokeCertificate", summary = "Revoke a certificate",
            description = "An officer of its ESA or OBEC, with the reason. The public lookup says REVOKED from then "
                    + "on; its number stays used. Revoking it again is a 409. With If-Match a concurrent change is "
                    + "refused with 412.")
    @ApiResponse(responseCode = "200", description = "The certificate, revoked",
            content = @Content(schema = @Schema(implementation = CertificateView.class)),
            headers = @Header(name = "ETag", description = "the certificate's version"))
    @ProblemResponses.NotFound
    @ProblemResponses.IllegalState
    @ProblemResponses.Stale
    @ProblemResponses.AnyWrite
    public HttpResponse<CertificateView> revoke(
            @PathVariable @Parameter(description = "the certificate's id") UUID id,
            @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, required = false, example = "\"1\"",
                    description = "the certificate's ETag as read (optional); 412 when it is not the current one")
            IfMatch ifMatch,
            @Body @Valid RevocationRequest request, Authentication authentication) {
        Certificate revoked = Rejections.valueOrThrow(revoking.revoke(id, request.reason(), ifMatch,
                Actors.of(authentication)));
        return Versions.ok(CertificateView.of(revoked, links), revoked.version());
    }

    private static HttpResponse<byte[]> pdf(byte[] document, String fileName) {
        return HttpResponse.ok(document).contentType(PDF)
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }
}
