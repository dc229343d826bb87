package th.tambon.events.participation.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.participation.infrastructure.Participations;
import th.tambon.events.participation.model.Participation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Serdeable
@Schema(description = "Who took part in an activity, as last recorded")
public record ParticipationView(
        @Schema(description = "how many took part in each role; every role present",
                example = "{\"SCHOOL_DIRECTOR\": 31, \"TEACHER\": 40, \"SUPERVISOR\": 6, \"STAFF\": 8, "
                        + "\"STUDENT\": 12, \"COMMITTEE\": 7, \"OTHER\": 0}") Map<String, Integer> byRole,
        @Schema(description = "how many took part in all", example = "104") int total,
        @Schema(description = "SMIS codes of the schools that attended, in code order", example = "[\"51910001\"]")
        List<String> schools,
        Instant recordedAt,
        @Schema(description = "who recorded it: the token's subject") String recordedBy) {

    public static ParticipationView of(Participations.Recorded recorded) {
        Participation p = recorded.participation();
        Map<String, Integer> byRole = new LinkedHashMap<>();
        p.byRole().forEach((role, count) -> byRole.put(role.name(), count));
        return new ParticipationView(byRole, p.total(), p.schools(), recorded.recordedAt(), recorded.recordedBy());
    }
}
