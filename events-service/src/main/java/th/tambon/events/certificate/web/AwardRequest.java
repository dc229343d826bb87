package th.tambon.events.certificate.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import th.tambon.contracts.Codes;
import th.tambon.http.ApiProblemException;

/** Body of {@code POST /api/v1/activities/{id}/certificates}: one certificate, to a school or to a person. */
@Serdeable
@Schema(description = "A certificate to award: to one of the activity's ESA's schools, or to a person")
public record AwardRequest(
        @Schema(description = "SMIS code of a school of the activity's ESA; or give person", example = "51910001")
        @Nullable @Pattern(regexp = Codes.SMIS, message = "must be the 8-digit SMIS code") String school,
        @Schema(description = "the person's name as printed; or give school", example = "นางสาวญาณิศา ฤทธิ์ฐิติกำจร")
        @Nullable @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String person,
        @Schema(description = "the person's position, printed before what they did",
                example = "ครูโรงเรียนบ้านหนองเงือก") @Nullable @Size(max = 300) String personTitle) {

    /** Exactly one recipient per request, and a position only for a person. */
    void requireOneRecipient() {
        if (school == null && person == null) {
            throw ApiProblemException.invalidField("school", "give the school (its SMIS code) or the person the "
                    + "certificate is for");
        }
        if (school != null && person != null) {
            throw ApiProblemException.invalidField("person", "a certificate goes to one recipient: give the school or "
                    + "the person, not both");
        }
        if (school != null && personTitle != null) {
            throw ApiProblemException.invalidField("personTitle", "is given with a person, not with a school");
        }
    }
}
