package th.tambon.events.participation.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.events.participation.model.ParticipantRole;
import th.tambon.events.participation.model.Participation;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Activities' participation as the rest of the service sees it, stored as {@code activity_participation} rows. */
@Singleton
public class Participations {
    private final ParticipationRepository rows;

    public Participations(ParticipationRepository rows) {
        this.rows = rows;
    }

    public Optional<Recorded> find(UUID activity) {
        return rows.findById(activity).map(row -> new Recorded(participation(row), row.recordedAt(), row.recordedBy()));
    }

    /** Stores the activity's participation in place of what it had. */
    public void replace(UUID activity, Participation participation, Instant at, String by) {
        ParticipationRow row = row(activity, participation, at, by);
        if (rows.existsById(activity)) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    /** Participation as recorded: when and by whom (the token's subject). */
    public record Recorded(Participation participation, Instant recordedAt, String recordedBy) {
    }

    private static Participation participation(ParticipationRow row) {
        Map<ParticipantRole, Integer> byRole = new EnumMap<>(ParticipantRole.class);
        byRole.put(ParticipantRole.SCHOOL_DIRECTOR, row.schoolDirectors());
        byRole.put(ParticipantRole.TEACHER, row.teachers());
        byRole.put(ParticipantRole.SUPERVISOR, row.supervisors());
        byRole.put(ParticipantRole.STAFF, row.staff());
        byRole.put(ParticipantRole.STUDENT, row.students());
        byRole.put(ParticipantRole.COMMITTEE, row.committee());
        byRole.put(ParticipantRole.OTHER, row.other());
        return new Participation(byRole, row.total(), Arrays.asList(row.schools()));
    }

    private static ParticipationRow row(UUID activity, Participation p, Instant at, String by) {
        Map<ParticipantRole, Integer> n = p.byRole();
        return new ParticipationRow(activity, n.get(ParticipantRole.SCHOOL_DIRECTOR), n.get(ParticipantRole.TEACHER),
                n.get(ParticipantRole.SUPERVISOR), n.get(ParticipantRole.STAFF), n.get(ParticipantRole.STUDENT),
                n.get(ParticipantRole.COMMITTEE), n.get(ParticipantRole.OTHER), p.total(),
                p.schools().toArray(String[]::new), at, by);
    }
}
