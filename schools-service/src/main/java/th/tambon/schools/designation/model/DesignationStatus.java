package th.tambon.schools.designation.model;

import java.util.EnumSet;
import java.util.Set;

/** The steps of a quality-school designation and which may follow which. */
public enum DesignationStatus {
    NOMINATED, DESIGNATED, ACTIVE, WITHDRAWN;

    /** The statuses this one may become. */
    public Set<DesignationStatus> next() {
        return switch (this) {
            case NOMINATED -> EnumSet.of(DESIGNATED, WITHDRAWN);
            case DESIGNATED -> EnumSet.of(ACTIVE, WITHDRAWN);
            case ACTIVE -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(DesignationStatus.class);
        };
    }

    public boolean mayBecome(DesignationStatus status) {
        return next().contains(status);
    }

    /** The school's quality status while its latest designation is in this one. */
    public QualityStatus asQualityStatus() {
        return QualityStatus.valueOf(name());
    }
}
