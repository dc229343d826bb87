package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate was revoked, with the reason; the public lookup answers REVOKED from then on. Its number stays used.
 * Key the certificate's id, {@code version} the certificate's after the revocation (2).
 *
 * @param certificate  the certificate's id (a UUID)
 * @param activity     the activity it was awarded at
 * @param esa          the issuing ESA
 * @param academicYear the academic year (BE) its number runs in
 * @param number       its number within the ESA and academic year
 * @param school       SMIS code of the school it was awarded to, or null for a person
 * @param person       the person's name, or null for a school
 * @param recipient    the recipient as printed
 * @param givenOn      the date printed on it
 * @param reason       why it was revoked
 */
public record CertificateRevoked(
        String certificate,
        String activity,
        String esa,
        int academicYear,
        int number,
        String school,
        String person,
        String recipient,
        LocalDate givenOn,
        String reason,
        Instant revokedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return certificate;
    }
}
