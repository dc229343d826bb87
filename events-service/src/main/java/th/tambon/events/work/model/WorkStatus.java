package th.tambon.events.work.model;

/**
 * Where a presented work is on its way to OBEC: PRESENTED at an activity, then SELECTED or NOT_SELECTED by the ESA (a
 * decision it may change), then, for a selected one, FORWARDED to OBEC with the ESA's letter, which is final.
 */
public enum WorkStatus {
    PRESENTED("นำเสนอแล้ว"),
    SELECTED("ได้รับการคัดเลือก"),
    NOT_SELECTED("ไม่ได้รับการคัดเลือก"),
    FORWARDED("ส่งต่อ สพฐ. แล้ว");

    private final String labelTh;

    WorkStatus(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }

    /** The status an ESA's decision gives a work. */
    public static WorkStatus decided(boolean selected) {
        return selected ? SELECTED : NOT_SELECTED;
    }
}
