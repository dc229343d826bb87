package th.tambon.events.participation.model;

import th.tambon.service.Step;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who took part in an activity: how many in each role (every role present, 0 when none), how many in all (at least
 * the sum of the roles: people not counted by role are in it) and the schools that attended, in code order.
 */
public record Participation(Map<ParticipantRole, Integer> byRole, int total, List<String> schools) {
    public Participation {
        Objects.requireNonNull(byRole, "byRole");
        EnumMap<ParticipantRole, Integer> every = new EnumMap<>(ParticipantRole.class);
        for (ParticipantRole role : ParticipantRole.values()) {
            every.put(role, byRole.getOrDefault(role, 0));
        }
        byRole = Collections.unmodifiableMap(every);
        schools = schools.stream().distinct().sorted().toList();
    }

    /**
     * Participation as a client wrote it: {@code byRole} keyed by role name (a role left out counts 0), {@code total}
     * (null: the sum of the roles) and the SMIS codes of the schools that attended (a code given twice counts once).
     * A name that is no role, a count below 0, or a total below the roles' sum is refused, naming the field.
     */
    public static Step<Participation> of(Map<String, Integer> byRole, Integer total, List<String> schools) {
        EnumMap<ParticipantRole, Integer> counts = new EnumMap<>(ParticipantRole.class);
        long sum = 0;
        for (Map.Entry<String, Integer> entry : byRole.entrySet()) {
            ParticipantRole role = Arrays.stream(ParticipantRole.values())
                    .filter(r -> r.name().equals(entry.getKey())).findFirst().orElse(null);
            if (role == null) {
                return Step.refused("byRole." + entry.getKey(), "is not a role; the roles are "
                        + String.join(", ", Arrays.stream(ParticipantRole.values()).map(Enum::name).toList()));
            }
            Integer count = entry.getValue();
            if (count == null || count < 0) {
                return Step.refused("byRole." + entry.getKey(), "must be a count, 0 or more");
            }
            counts.put(role, count);
            sum += count;
        }
        if (sum > Integer.MAX_VALUE) {
            return Step.refused("byRole", "the counts add up to more than anyone can count here");
        }
        if (total != null && total < sum) {
            return Step.refused("total", "must be at least the sum of byRole (" + sum + "), not " + total);
        }
        return Step.to(new Participation(counts, total == null ? (int) sum : total,
                schools == null ? List.of() : schools));
    }

    /** How many were counted by role. */
    public int counted() {
        return byRole.values().stream().mapToInt(Integer::intValue).sum();
    }
}
