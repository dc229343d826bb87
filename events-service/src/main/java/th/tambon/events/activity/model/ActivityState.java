package th.tambon.events.activity.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an activity is in its life. DRAFT → PLANNED → HELD → REPORTED → CLOSED; an activity with funding is planned
 * through the funding saga instead: FUNDING_REQUESTED → FUNDED (budget-service committed the estimate) or
 * FUNDING_REJECTED. CANCELLED, with a reason, from any state before HELD. While a request is pending the activity is
 * locked: only budget-service's reply or a cancellation moves it, and its details cannot change.
 */
public enum ActivityState {
    DRAFT("ร่าง"),
    PLANNED("วางแผนแล้ว"),
    FUNDING_REQUESTED("รอการอนุมัติงบประมาณ"),
    FUNDED("ได้รับงบประมาณ"),
    FUNDING_REJECTED("ไม่ได้รับงบประมาณ"),
    HELD("ดำเนินการแล้ว"),
    REPORTED("รายงานผลแล้ว"),
    CLOSED("ปิดโครงการ"),
    CANCELLED("ยกเลิก");

    private final String labelTh;

    ActivityState(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }

    /**
     * The states a person may move an activity to from this one. PLANNED names "plan it": an activity with funding
     * goes to FUNDING_REQUESTED instead. FUNDED and FUNDING_REJECTED are budget-service's replies, never a person's.
     * A rejected activity may be taken back to DRAFT, to change its funding and plan it again.
     */
    public Set<ActivityState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PLANNED, CANCELLED);
            case PLANNED, FUNDED -> EnumSet.of(HELD, CANCELLED);
            case FUNDING_REQUESTED -> EnumSet.of(CANCELLED);
            case FUNDING_REJECTED -> EnumSet.of(DRAFT, CANCELLED);
            case HELD -> EnumSet.of(REPORTED);
            case REPORTED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(ActivityState.class);
        };
    }

    /** Whether its details (title, dates, venue…) may still be changed. */
    public boolean editable() {
        return this == DRAFT || this == PLANNED || this == FUNDED || this == FUNDING_REJECTED;
    }

    /** Whether its funding (line and estimate) may still be changed: only before it is asked for, or after a no. */
    public boolean fundingEditable() {
        return this == DRAFT || this == FUNDING_REJECTED;
    }

    /** HELD or later (REPORTED, CLOSED): it took place. */
    public boolean tookPlace() {
        return this == HELD || this == REPORTED || this == CLOSED;
    }
}
