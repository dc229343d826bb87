package th.tambon.events.participation.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code activity_participation}; {@link Participations} turns it into the domain's and back. */
@MappedEntity("activity_participation")
public record ParticipationRow(@Id UUID activity, int schoolDirectors, int teachers, int supervisors, int staff,
                               int students, int committee, int other, int total,
                               @TypeDef(type = DataType.STRING_ARRAY) String[] schools, Instant recordedAt,
                               String recordedBy) {
}
