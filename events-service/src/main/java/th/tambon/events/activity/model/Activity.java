package th.tambon.events.activity.model;

import th.tambon.service.Bangkok;
import th.tambon.service.Step;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An activity an ESA runs for its quality schools (a workshop, a symposium, a PLC, a supervision visit…): its details,
 * the day it starts in Bangkok and the academic year of that day, where it is in its life ({@link ActivityState}) and
 * why it got there, what it cost once reported, whether budget-service committed its funding, and its version (one
 * more with each change).
 *
 * @param ref            the ESA's own reference, unique within the ESA
 * @param academicYear   the academic year (BE) of {@link #startsOn()}, or null while the calendar is not known here
 * @param reason         why it is in its state (a cancellation's reason, budget-service's reason for a no), or null
 * @param fundsCommitted whether budget-service committed its estimate (FUNDED, and still after being held)
 */
public record Activity(UUID id, String esa, String ref, ActivityDetails details, Integer academicYear,
                       ActivityState state, String reason, BigDecimal actualCost, boolean fundsCommitted,
                       long version) {
    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(state, "state");
    }

    /** A new draft, when its details hold together. */
    public static Step<Activity> draft(UUID id, String esa, String ref, ActivityDetails details, Integer academicYear) {
        Step<ActivityDetails> checked = checked(details);
        if (!checked.taken()) {
            return Step.refused(checked.field(), checked.refusal());
        }
        return Step.to(new Activity(id, esa, ref, details, academicYear, ActivityState.DRAFT, null, null, false, 1));
    }

    /** The day it starts, in Bangkok: the day its academic and fiscal year are judged by. */
    public LocalDate startsOn() {
        return startsOn(details);
    }

    public static LocalDate startsOn(ActivityDetails details) {
        return details.start().atZoneSameInstant(Bangkok.ZONE).toLocalDate();
    }

    /** The activity with these details instead, while they may change (not while funding is pending, not once held). */
    public Step<Activity> revise(ActivityDetails newDetails, Integer newAcademicYear) {
        if (!state.editable()) {
            return Step.illegal("state", "an activity that is " + state + " cannot be changed"
                    + (state == ActivityState.FUNDING_REQUESTED ? " while budget-service decides on its funding" : ""));
        }
        boolean fundingChanged = details.funding() == null ? newDetails.funding() != null
                : !details.funding().sameAs(newDetails.funding());
        if (fundingChanged && !state.fundingEditable()) {
            return Step.illegal("funding", "the funding of an activity that is " + state + " cannot be changed"
                    + (state == ActivityState.FUNDED ? ": budget-service has committed it; cancel the activity to "
                    + "release it" : ""));
        }
        Step<ActivityDetails> checked = checked(newDetails);
        if (!checked.taken()) {
            return Step.refused(checked.field(), checked.refusal());
        }
        return Step.to(new Activity(id, esa, ref, checked.result(), newAcademicYear, state, reason, actualCost,
                fundsCommitted, version + 1));
    }

    /**
     * The activity moved by a person to {@code next}: planned (through the funding saga when it has funding), held (not
     * before the day it starts), reported (with its actual cost, which a funded activity must give), closed,
     * cancelled with a reason, or a rejected one taken back to DRAFT. Anything else is illegal, naming what is allowed.
     */
    public Step<Activity> moveTo(ActivityState next, String why, BigDecimal cost, LocalDate today) {
        Set<ActivityState> allowed = state.next();
        if (!allowed.contains(next)) {
            return Step.illegal("state", "an activity that is " + state + " cannot become " + next
                    + (allowed.isEmpty() ? ": it is final" : "; it can become " + String.join(", ",
                    allowed.stream().map(Enum::name).toList()))
                    + (state == ActivityState.FUNDING_REQUESTED ? " (its funding is waiting for budget-service)" : ""));
        }
        String stripped = why == null || why.isBlank() ? null : why.strip();
        if (next == ActivityState.CANCELLED && stripped == null) {
            return Step.refused("reason", "a cancellation needs its reason");
        }
        if (next == ActivityState.HELD && startsOn().isAfter(today)) {
            return Step.refused("state", "an activity starting on " + startsOn() + " cannot be held before that day "
                    + "(today is " + today + " in Bangkok)");
        }
        if (cost != null && next != ActivityState.REPORTED) {
            return Step.refused("actualCost", "is given when the activity is REPORTED, not when it becomes " + next);
        }
        if (next == ActivityState.REPORTED) {
            if (cost == null && fundsCommitted) {
                return Step.refused("actualCost", "a funded activity is reported with what it actually cost, which "
                        + "budget-service records as spent");
            }
            if (cost != null && (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2)) {
                return Step.refused("actualCost", "must be baht with at most two decimals, not negative");
            }
        }
        ActivityState target = next == ActivityState.PLANNED && details.funding() != null
                ? ActivityState.FUNDING_REQUESTED : next;
        return Step.to(new Activity(id, esa, ref, details, academicYear, target,
                next == ActivityState.CANCELLED ? stripped : (next == ActivityState.DRAFT ? null : reason),
                next == ActivityState.REPORTED ? scaled(cost) : actualCost, fundsCommitted, version + 1));
    }

    /** Whether budget-service's answer is still awaited: only then does its reply move the activity. */
    public boolean awaitsFunding() {
        return state == ActivityState.FUNDING_REQUESTED;
    }

    /** The activity after budget-service committed its estimate. Only from FUNDING_REQUESTED (the caller checks). */
    public Activity funded() {
        requireAwaitingFunding();
        return new Activity(id, esa, ref, details, academicYear, ActivityState.FUNDED, null, actualCost, true,
                version + 1);
    }

    /** The activity after budget-service refused its funding, with its reason. Only from FUNDING_REQUESTED. */
    public Activity fundingRejected(String why) {
        requireAwaitingFunding();
        return new Activity(id, esa, ref, details, academicYear, ActivityState.FUNDING_REJECTED, why, actualCost,
                false, version + 1);
    }

    private void requireAwaitingFunding() {
        if (!awaitsFunding()) {
            throw new IllegalStateException("activity " + id + " is " + state + ", not waiting for funding");
        }
    }

    private static BigDecimal scaled(BigDecimal cost) {
        return cost == null ? null : cost.setScale(2);
    }

    private static Step<ActivityDetails> checked(ActivityDetails details) {
        if (!details.end().isAfter(details.start())) {
            return Step.refused("end", "must be after the start (" + details.start() + ")");
        }
        if (details.venueSchool() == null && (details.venue() == null || details.venue().isBlank())) {
            return Step.refused("venue", "say where it is held: a venueSchool, a venue, or both");
        }
        Funding funding = details.funding();
        if (funding != null && (funding.estimate().signum() <= 0 || funding.estimate().stripTrailingZeros().scale() > 2)) {
            return Step.refused("funding.estimate", "must be more than 0 baht, with at most two decimals");
        }
        return Step.to(details);
    }
}
