package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who took part in an activity, recorded (or recorded again) once it was held: the count per role, the total and the
 * schools that attended. Replaces what was recorded before. Participation is part of the activity: key the activity's
 * id, {@code version} the activity's version after the change (the same counter as {@code activity.changed.v1}'s, so
 * the two types share one sequence on the key).
 *
 * @param activity the activity's id (a UUID)
 * @param esa      the activity's ESA
 * @param byRole   how many took part in each role: SCHOOL_DIRECTOR, TEACHER, SUPERVISOR, STAFF, STUDENT, COMMITTEE
 *                 and OTHER, every one present (0 when none)
 * @param total    how many took part: at least the sum of {@code byRole} (people not counted by role are in it)
 * @param schools  SMIS codes of the ESA's schools that attended, in code order; absent from the JSON when none (read
 *                 back as empty)
 */
public record ParticipationRecorded(
        String activity,
        String esa,
        Map<String, Integer> byRole,
        int total,
        List<String> schools,
        Instant recordedAt,
        long version) implements EventData {

    public ParticipationRecorded {
        schools = schools == null ? List.of() : List.copyOf(schools);
    }

    @Override
    public String key() {
        return activity;
    }
}
