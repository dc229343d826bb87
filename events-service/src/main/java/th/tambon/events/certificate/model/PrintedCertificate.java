package th.tambon.events.certificate.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A certificate (เกียรติบัตร) as it is printed: every text already in the words the page shows.
 *
 * @param office           the issuing office, e.g. สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1
 * @param number           the number as printed, e.g. "ที่ 12/2563" (running per office and BE year)
 * @param recipient        a school (โรงเรียนบ้านหัวฝาย) or a person; printed on one line
 * @param achievement      what the recipient did, e.g. "ได้เข้าร่วมกิจกรรม"
 * @param activity         the activity's title, printed after the achievement
 * @param givenOn          the day it is given, printed in BE ("ให้ไว้ ณ วันที่ 28 กันยายน พ.ศ. 2563")
 * @param chairName        who signs, e.g. ดร.สุวิทย์ มุกดาภิรมย์; printed on one line
 * @param chairTitle       the signer's position
 * @param verificationCode the unguessable code the public lookup answers to
 * @param verificationUrl  the public lookup's address for this certificate, encoded in the QR code exactly
 * @param revoked          a revoked certificate is printed with a "ยกเลิกแล้ว" mark across it
 */
public record PrintedCertificate(
        String office,
        String number,
        String recipient,
        String achievement,
        String activity,
        LocalDate givenOn,
        String chairName,
        String chairTitle,
        String verificationCode,
        String verificationUrl,
        boolean revoked) {

    public PrintedCertificate {
        requireText(office, "office");
        requireText(number, "number");
        requireText(recipient, "recipient");
        requireText(achievement, "achievement");
        requireText(activity, "activity");
        Objects.requireNonNull(givenOn, "givenOn");
        requireText(chairName, "chairName");
        requireText(chairTitle, "chairTitle");
        requireText(verificationCode, "verificationCode");
        requireText(verificationUrl, "verificationUrl");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
