package th.tambon.events.work.model;

/** Who presented a work, as the programme reports outstanding works: administrators, teachers, staff and students. */
public enum PresenterCategory {
    ADMINISTRATOR("ผู้บริหาร"),
    TEACHER("ครู"),
    STAFF("บุคลากรทางการศึกษา"),
    STUDENT("นักเรียน");

    private final String labelTh;

    PresenterCategory(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
