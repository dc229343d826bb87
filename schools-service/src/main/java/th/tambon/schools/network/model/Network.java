package th.tambon.schools.network.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ESA's quality-school network (เครือข่ายโรงเรียนคุณภาพ): one per ESA, chaired by a member school's person
 * (ประธานเครือข่าย, usually its director), its members the ESA's active quality schools. It has no chair (both null)
 * from the day its chair school stops being an active quality school until a new chair is set.
 */
public record Network(String esa, String chairSchool, String chairPerson, Set<String> members) {
    public Network {
        Objects.requireNonNull(esa, "esa");
        if ((chairSchool == null) != (chairPerson == null)) {
            throw new IllegalArgumentException("a chair is a school and a person, or none");
        }
        members = Set.copyOf(new TreeSet<>(members));
    }

    /** The members in SMIS-code order. */
    public List<String> sortedMembers() {
        return new ArrayList<>(new TreeSet<>(members));
    }

    public boolean hasChair() {
        return chairSchool != null;
    }

    public boolean sameChair(Network other) {
        return Objects.equals(chairSchool, other.chairSchool) && Objects.equals(chairPerson, other.chairPerson);
    }

    /** This network without that school: gone from the members, and no chair if it was the chair's school. */
    public Network without(String school) {
        Set<String> rest = new TreeSet<>(members);
        rest.remove(school);
        boolean chairLeaves = school.equals(chairSchool);
        return new Network(esa, chairLeaves ? null : chairSchool, chairLeaves ? null : chairPerson, rest);
    }

    /**
     * Why this network cannot be: the chair school is not among the members. Empty when it can. Which members are
     * quality schools of the ESA is checked against the registry.
     */
    public Optional<String> chairOutsideMembers() {
        return !hasChair() || members.contains(chairSchool) ? Optional.empty()
                : Optional.of("the chair school " + chairSchool + " must be one of the members");
    }
}
