package th.tambon.events.certificate.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.events.certificate.model.VerificationCode;
import th.tambon.http.ThaiDates;

import java.time.Instant;
import java.time.LocalDate;

@Serdeable
@Schema(description = "A certificate (เกียรติบัตร) awarded at an activity")
public record CertificateView(
        @Schema(description = "the certificate's id") String id,
        @Schema(description = "the activity it was awarded at") String activity,
        @Schema(description = "the issuing ESA", example = "P51-1") String esa,
        @Schema(description = "the academic year (BE) its number runs in", example = "2563") int academicYear,
        @Schema(description = "its number within the ESA and academic year", example = "12") int number,
        @Schema(description = "its number as printed", example = "ที่ 12/2563") String printedNumber,
        @Schema(description = "SMIS code of the school it went to", example = "51910001") @Nullable String school,
        @Schema(description = "the person it went to") @Nullable String person,
        @Schema(description = "the person's position as printed") @Nullable String personTitle,
        @Schema(description = "the recipient as printed", example = "โรงเรียนบ้านหนองเงือก") String recipient,
        @Schema(description = "the issuing office as printed",
                example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1") String office,
        @Schema(description = "the activity's title as printed") String activityTitle,
        @Schema(description = "the date it is given: the day the activity started", example = "2020-09-28")
        LocalDate givenOn,
        @Schema(description = "that date as printed", example = "28 กันยายน 2563") String givenOnTh,
        @Schema(description = "who signs it", example = "ดร.สุวิทย์ มุกดาภิรมย์") String chair,
        @Schema(description = "the signer's position as printed") String chairTitle,
        @Schema(description = "the code the public lookup answers to, as printed (groups of four)",
                example = "MFRG-GZDF-MZTW-Q2LK-NNWG-23TJ-NBSW-Y3DP") String verificationCode,
        @Schema(description = "the public lookup's page for it: the address its QR code holds",
                example = "http://localhost:8080/verify/MFRGGZDFMZTWQ2LKNNWG23TJNBSWY3DP") String verificationUrl,
        @Schema(example = "VALID", allowableValues = {"VALID", "REVOKED"}) String status,
        @Nullable Instant revokedAt,
        @Nullable String revocationReason,
        Instant awardedAt,
        @Schema(description = "who awarded it: the token's subject") String awardedBy,
        @Schema(description = "1 when awarded, 2 once revoked; also its ETag", example = "1") long version) {

    static CertificateView of(Certificate c, CertificateLinks links) {
        return new CertificateView(c.id().toString(), c.activity().toString(), c.esa(), c.academicYear(), c.number(),
                c.printedNumber(), c.recipient().school(), c.recipient().person(), c.recipient().personTitle(),
                c.recipient().name(), c.text().office(), c.text().activityTitle(), c.text().givenOn(),
                ThaiDates.format(c.text().givenOn()), c.text().chair(), c.text().chairTitle(),
                VerificationCode.grouped(c.verificationCode()),
                links.verification(c.verificationCode()), c.revoked() ? "REVOKED" : "VALID",
                c.revoked() ? c.revocation().at() : null, c.revoked() ? c.revocation().reason() : null,
                c.awardedAt(), c.awardedBy(), c.version());
    }
}
