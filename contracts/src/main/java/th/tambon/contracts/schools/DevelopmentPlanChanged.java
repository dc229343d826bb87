package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.util.List;

/**
 * A school's development plan (แผนพัฒนาคุณภาพ) for an academic year was drafted, revised, submitted, approved or
 * returned. Carries the plan's whole state after the change. The plan is its own aggregate, keyed
 * {@code <school>/<academicYear>} ({@code 31040001/2563}): one key, one version sequence, so its {@code version} (the
 * plan's own, 1 when drafted) only grows for that key, whatever the school and its other plans do meanwhile.
 *
 * @param plan         the plan's id
 * @param academicYear the academic year (BE), e.g. 2563
 * @param status       DRAFT, SUBMITTED, APPROVED or RETURNED
 * @param change       what happened: DRAFTED, REVISED, SUBMITTED, APPROVED or RETURNED
 * @param reason       why it was returned (RETURNED), else null
 * @param targets      the plan's targets, one per programme track at most, in track order
 */
public record DevelopmentPlanChanged(
        String plan,
        String school,
        String esa,
        int academicYear,
        String status,
        String change,
        String reason,
        List<Target> targets,
        Instant changedAt,
        long version) implements EventData {

    /** {@code <school>/<academicYear>}, e.g. {@code 31040001/2563}: the plan, not its school. */
    @Override
    public String key() {
        return school + "/" + academicYear;
    }

    /**
     * One target of a plan.
     *
     * @param track     INNOVATION, OCCUPATION, QUALITY_CLASSROOM, ENVIRONMENT or ITA
     * @param goal      the target in the school's words (Thai)
     * @param indicator how it will be measured, or null
     */
    public record Target(String track, String goal, String indicator) {
    }
}
