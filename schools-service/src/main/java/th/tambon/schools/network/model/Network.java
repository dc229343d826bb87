package th.tambon.schools.network.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ESA's quality-school network (เครือข่ายโรงเรียนคุณภาพ): one per ESA, chaired by a member school's person
 * (ประธานเครือข่าย, usually its director), its members the ESA's active quality schools.
 */
public record Network(String esa, String chairSchool, String chairPerson, Set<String> members) {
    public Network {
        Objects.requireNonNull(esa, "esa");
        members = Set.copyOf(new TreeSet<>(members));
    }

    /** The members in SMIS-code order. */
    public List<String> sortedMembers() {
        return new ArrayList<>(new TreeSet<>(members));
    }

    public boolean sameChair(Network other) {
        return chairSchool.equals(other.chairSchool) && chairPerson.equals(other.chairPerson);
    }

    /**
     * Why this network cannot be: the chair school is not among the members. Empty when it can. Which members are
     * quality schools of the ESA is checked against the registry.
     */
    public java.util.Optional<String> chairOutsideMembers() {
        return members.contains(chairSchool) ? java.util.Optional.empty()
                : java.util.Optional.of("the chair school " + chairSchool + " must be one of the members");
    }
}
