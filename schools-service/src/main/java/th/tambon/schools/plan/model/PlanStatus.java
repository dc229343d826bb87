package th.tambon.schools.plan.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a development plan is on its way to approval, and which statuses may follow which. */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED;

    public Set<PlanStatus> next() {
        return switch (this) {
            case DRAFT, RETURNED -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(APPROVED, RETURNED);
            case APPROVED -> EnumSet.noneOf(PlanStatus.class);
        };
    }

    /** Whether the school may still change its targets. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
