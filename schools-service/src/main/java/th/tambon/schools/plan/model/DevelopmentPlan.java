package th.tambon.schools.plan.model;

import th.tambon.service.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A school's development plan (แผนพัฒนาคุณภาพ) for one academic year: targets per programme track, at most one per
 * track. DRAFT → SUBMITTED → APPROVED, or RETURNED with a reason → revised → SUBMITTED again. The school edits its
 * targets while the plan is a draft or returned; a submitted plan waits for its ESA, an approved one is final.
 */
public record DevelopmentPlan(UUID id, String school, String esa, int academicYear, PlanStatus status,
                              List<Target> targets, String returnReason, long version) {

    public DevelopmentPlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        targets = List.copyOf(targets);
    }

    /** A new draft, with whatever targets the school has so far (none is fine for a draft). */
    public static Step<DevelopmentPlan> draft(UUID id, String school, String esa, int academicYear,
                                              List<Target> targets, int currentAcademicYear) {
        if (academicYear > currentAcademicYear + 1) {
            return Step.refused("academicYear", "a plan is made at most one year ahead: academic year "
                    + currentAcademicYear + " or " + (currentAcademicYear + 1) + ", not " + academicYear);
        }
        Step<List<Target>> checked = checked(targets);
        if (!checked.taken()) {
            return Step.refused(checked.field(), checked.refusal());
        }
        return Step.to(new DevelopmentPlan(id, school, esa, academicYear, PlanStatus.DRAFT, checked.result(), null, 1));
    }

    /** The plan with these targets instead, while the school may still change it. */
    public Step<DevelopmentPlan> revise(List<Target> newTargets) {
        if (!status.editable()) {
            return Step.illegal("status", "a plan that is " + status + " cannot be changed"
                    + (status == PlanStatus.SUBMITTED ? "; its ESA approves it or returns it first" : ""));
        }
        Step<List<Target>> checked = checked(newTargets);
        if (!checked.taken()) {
            return Step.refused(checked.field(), checked.refusal());
        }
        return Step.to(new DevelopmentPlan(id, school, esa, academicYear, status, checked.result(), returnReason,
                version + 1));
    }

    /** The plan taken to {@code next}: SUBMITTED (by the school), APPROVED or RETURNED with a reason (by its ESA). */
    public Step<DevelopmentPlan> advance(PlanStatus next, String reason) {
        if (!status.next().contains(next)) {
            return Step.illegal("status", "a plan that is " + status + " cannot become " + next
                    + (status.next().isEmpty() ? "" : "; it can become " + status.next()));
        }
        if (next == PlanStatus.SUBMITTED && targets.isEmpty()) {
            return Step.refused("targets", "a plan needs at least one target to be submitted");
        }
        if (next == PlanStatus.RETURNED && (reason == null || reason.isBlank())) {
            return Step.refused("reason", "a returned plan needs the reason, for the school to act on");
        }
        String why = next == PlanStatus.RETURNED ? reason.strip() : null;
        return Step.to(new DevelopmentPlan(id, school, esa, academicYear, next, targets, why, version + 1));
    }

    /** Whether these are the plan's targets already, in whatever order (a repeated change changes nothing). */
    public boolean hasTargets(List<Target> others) {
        List<Target> ordered = new ArrayList<>(others);
        ordered.sort(Comparator.comparing(Target::track));
        return ordered.equals(targets);
    }

    /** Whether the change to {@code next} is the ESA's to make (approve, return) rather than the school's (submit). */
    public static boolean reviewedByEsa(PlanStatus next) {
        return next == PlanStatus.APPROVED || next == PlanStatus.RETURNED;
    }

    private static Step<List<Target>> checked(List<Target> targets) {
        Set<Track> seen = EnumSet.noneOf(Track.class);
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (!seen.add(target.track())) {
                return Step.refused("targets[" + i + "].track", target.track() + " has a target already: one per track");
            }
            if (target.goal().isBlank()) {
                return Step.refused("targets[" + i + "].goal", "is required");
            }
        }
        List<Target> ordered = new ArrayList<>(targets);
        ordered.sort(Comparator.comparing(Target::track));
        return Step.to(ordered);
    }
}
