package th.tambon.schools.designation.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.schools.designation.model.Designation;
import th.tambon.schools.designation.model.DesignationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the {@code designation} table; {@link Designation} is what the rest of the service sees. */
@MappedEntity("designation")
public record DesignationRow(@Id UUID id, String school, String esa, String tambonCode, String status,
                             LocalDate nominatedOn, @Nullable LocalDate designatedOn, @Nullable LocalDate activeFrom,
                             @Nullable LocalDate withdrawnOn, Instant createdAt, Instant updatedAt) {

    static DesignationRow of(Designation d, Instant createdAt, Instant updatedAt) {
        return new DesignationRow(d.id(), d.school(), d.esa(), d.tambonCode(), d.status().name(), d.nominatedOn(),
                d.designatedOn(), d.activeFrom(), d.withdrawnOn(), createdAt, updatedAt);
    }

    public Designation toDesignation() {
        return new Designation(id, school, esa, tambonCode, DesignationStatus.valueOf(status), nominatedOn,
                designatedOn, activeFrom, withdrawnOn);
    }
}
