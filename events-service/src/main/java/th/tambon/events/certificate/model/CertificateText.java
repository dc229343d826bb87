package th.tambon.events.certificate.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a certificate states besides its number and recipient, fixed when it is awarded: the issuing office, the
 * activity's title, the date it is given (the day the activity started, in Bangkok), and who signs it.
 */
public record CertificateText(String office, String activityTitle, LocalDate givenOn, String chair,
                              String chairTitle) {
    public CertificateText {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(activityTitle, "activityTitle");
        Objects.requireNonNull(givenOn, "givenOn");
        Objects.requireNonNull(chair, "chair");
        Objects.requireNonNull(chairTitle, "chairTitle");
    }
}
