package th.tambon.events.certificate.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.service.Bangkok;
import th.tambon.http.ThaiDates;

import java.time.LocalDate;

/** What the public lookup answers: only what the certificate states, and whether it still stands. */
@Serdeable
@Schema(description = "A certificate as the public lookup shows it: what it states, and VALID or REVOKED")
public record VerificationView(
        @Schema(description = "its number as printed", example = "ที่ 12/2563") String number,
        @Schema(description = "to whom", example = "โรงเรียนบ้านหนองเงือก") String recipient,
        @Schema(description = "the person's position as printed, when it went to a person") @Nullable String recipientTitle,
        @Schema(description = "the activity's title as printed") String activity,
        @Schema(description = "the issuing ESA as printed", example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1")
        String esa,
        @Schema(example = "2020-09-28") LocalDate givenOn,
        @Schema(description = "the date as printed (BE)", example = "28 กันยายน 2563") String givenOnTh,
        @Schema(description = "who signed it", example = "ดร.สุวิทย์ มุกดาภิรมย์") String chair,
        @Schema(description = "the signer's position as printed") String chairTitle,
        @Schema(description = "VALID, or REVOKED once the ESA revoked it", allowableValues = {"VALID", "REVOKED"})
        String status,
        @Schema(description = "the day it was revoked, in Bangkok; null while valid", example = "2020-10-02")
        @Nullable LocalDate revokedOn,
        @Schema(description = "that day in Thai", example = "2 ตุลาคม 2563") @Nullable String revokedOnTh) {

    static VerificationView of(Certificate c) {
        LocalDate revokedOn = c.revoked() ? c.revocation().at().atZone(Bangkok.ZONE).toLocalDate() : null;
        return new VerificationView(c.printedNumber(), c.recipient().name(), c.recipient().personTitle(),
                c.text().activityTitle(), c.text().office(), c.text().givenOn(), ThaiDates.format(c.text().givenOn()),
                c.text().chair(), c.text().chairTitle(), c.revoked() ? "REVOKED" : "VALID", revokedOn,
                revokedOn == null ? null : ThaiDates.format(revokedOn));
    }
}
