package th.tambon.events.ita.model;

/** Whose ITA result it is: a school's or an ESA's. */
public enum SubjectType {
    SCHOOL,
    ESA
}
