package th.tambon.events.certificate.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code certificate}; {@link CertificateRegister} turns it into the domain's {@code Certificate} and back. */
@MappedEntity("certificate")
public record CertificateRow(@Id UUID id, UUID activity, String esa, int academicYear, int number,
                             @Nullable String school, @Nullable String person, @Nullable String personTitle,
                             String recipient, String office, String activityTitle, LocalDate givenOn, String chair,
                             String chairTitle, String verificationCode, Instant awardedAt, String awardedBy,
                             @Nullable Instant revokedAt, @Nullable String revokedBy,
                             @Nullable String revocationReason, long version) {
}
