package th.tambon.schools.designation.model;

/**
 * Where a school stands in the quality-school programme: the status of its latest designation, or {@link #NONE} for
 * an ordinary school never nominated.
 */
public enum QualityStatus {
    NONE, NOMINATED, DESIGNATED, ACTIVE, WITHDRAWN
}
