package th.tambon.events.participation.model;

/** In what role someone took part in an activity; participation is counted per role. */
public enum ParticipantRole {
    SCHOOL_DIRECTOR("ผู้บริหารสถานศึกษา"),
    TEACHER("ครู"),
    SUPERVISOR("ศึกษานิเทศก์"),
    STAFF("บุคลากร"),
    STUDENT("นักเรียน"),
    COMMITTEE("คณะกรรมการ"),
    OTHER("อื่น ๆ");

    private final String labelTh;

    ParticipantRole(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
