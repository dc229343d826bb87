package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate (เกียรติบัตร) was awarded at an activity, to a school or a person. A certificate is its own aggregate:
 * key the certificate's id, {@code version} 1 (its revocation is 2). Numbered per ESA and academic year without gaps:
 * printed "ที่ {number}/{academicYear}". The verification code is not published: it is the capability printed on the
 * paper that the public lookup answers to.
 *
 * @param certificate  the certificate's id (a UUID)
 * @param activity     the activity it was awarded at
 * @param esa          the issuing ESA (the activity's)
 * @param academicYear the academic year (BE) of the activity, which its number runs in
 * @param number       its number within the ESA and academic year, from 1
 * @param school       SMIS code of the school it was awarded to, or null for a person
 * @param person       the person's name, or null for a school
 * @param personTitle  the person's position as printed, or null
 * @param recipient    the recipient as printed: the school's Thai name, or the person's name
 * @param givenOn      the date it is given, as printed: the day the activity started, in Bangkok
 */
public record CertificateAwarded(
        String certificate,
        String activity,
        String esa,
        int academicYear,
        int number,
        String school,
        String person,
        String personTitle,
        String recipient,
        LocalDate givenOn,
        Instant awardedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return certificate;
    }
}
