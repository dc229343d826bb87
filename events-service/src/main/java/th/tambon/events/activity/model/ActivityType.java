package th.tambon.events.activity.model;

/** What kind of activity an ESA runs for its quality schools. */
public enum ActivityType {
    WORKSHOP("ประชุมปฏิบัติการ"),
    SYMPOSIUM("Symposium"),
    PLC("ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)"),
    SUPERVISION_VISIT("นิเทศ"),
    MEETING("ประชุม"),
    TRAINING("อบรม"),
    ASSESSMENT("ประเมิน");

    private final String labelTh;

    ActivityType(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
