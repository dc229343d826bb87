package th.tambon.events.activity.model;

/** The programme's tracks an activity serves (the same as a development plan's targets). */
public enum Track {
    INNOVATION("1 โรงเรียน 1 นวัตกรรม"),
    OCCUPATION("1 โรงเรียน 1 อาชีพ"),
    QUALITY_CLASSROOM("ห้องเรียนคุณภาพ"),
    ENVIRONMENT("โรงเรียนสิ่งแวดล้อมดีเด่น"),
    ITA("การประเมินคุณธรรมและความโปร่งใส (ITA)");

    private final String labelTh;

    Track(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
