package th.tambon.events.certificate.infrastructure;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code certificate_counter}: the last number an ESA gave in an academic year. */
@MappedEntity("certificate_counter")
public record CertificateCounterRow(@EmbeddedId Key key, int lastNumber) {

    /** An ESA and an academic year (BE): what certificate numbers run in. */
    @Embeddable
    public record Key(@MappedProperty("esa") String esa, @MappedProperty("academic_year") int academicYear) {
    }
}
