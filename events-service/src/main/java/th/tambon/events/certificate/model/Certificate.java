package th.tambon.events.certificate.model;

import th.tambon.service.Step;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A certificate (เกียรติบัตร) awarded at an activity to a school or a person: numbered within its ESA and academic
 * year (printed "ที่ 12/2563"), stating what {@link CertificateText} holds, found by the public through its
 * verification code, and revocable with a reason. Its own aggregate: version 1 when awarded, 2 once revoked.
 *
 * @param revocation null while it is valid
 */
public record Certificate(UUID id, UUID activity, String esa, int academicYear, int number, Recipient recipient,
                          CertificateText text, String verificationCode, Instant awardedAt, String awardedBy,
                          Revocation revocation, long version) {
    /** What a recipient is said to have done, before the activity's title. */
    static final String ACHIEVEMENT = "ได้เข้าร่วมกิจกรรม";

    public Certificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(verificationCode, "verificationCode");
    }

    public static Certificate awarded(UUID id, UUID activity, String esa, int academicYear, int number,
                                      Recipient recipient, CertificateText text, String verificationCode,
                                      Instant at, String by) {
        return new Certificate(id, activity, esa, academicYear, number, recipient, text, verificationCode, at, by,
                null, 1);
    }

    /** The certificate revoked, for a reason; a revoked one cannot be revoked again (its revocation stands). */
    public Step<Certificate> revoke(String reason, Instant at, String by) {
        if (revocation != null) {
            return Step.illegal("revocation", "certificate " + printedNumber() + " of " + esa
                    + " was revoked already, at " + revocation.at() + " (" + revocation.reason() + ")");
        }
        if (reason == null || reason.isBlank()) {
            return Step.refused("reason", "a revocation needs its reason");
        }
        return Step.to(new Certificate(id, activity, esa, academicYear, number, recipient, text, verificationCode,
                awardedAt, awardedBy, new Revocation(at, by, reason.strip()), version + 1));
    }

    public boolean revoked() {
        return revocation != null;
    }

    /** Its number as printed: "ที่ 12/2563". */
    public String printedNumber() {
        return printedNumber(number, academicYear);
    }

    /** A certificate's number as printed: its number within the ESA and academic year, and that year. */
    public static String printedNumber(int number, int academicYear) {
        return "ที่ " + number + "/" + academicYear;
    }

    /** What the recipient did, as printed before the activity's title (a person's position first, when given). */
    public String achievement() {
        return recipient.personTitle() == null ? ACHIEVEMENT : recipient.personTitle() + " " + ACHIEVEMENT;
    }

    /** The certificate as a page prints it, its QR code pointing at {@code verificationUrl}. */
    public PrintedCertificate printed(String verificationUrl) {
        return new PrintedCertificate(text.office(), printedNumber(), recipient.name(), achievement(),
                text.activityTitle(), text.givenOn(), text.chair(), text.chairTitle(),
                VerificationCode.grouped(verificationCode), verificationUrl, revoked());
    }
}
