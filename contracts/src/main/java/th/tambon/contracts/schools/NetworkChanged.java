package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.util.List;

/**
 * An ESA's quality-school network was formed or changed: its chair (school and person) or its members, also when a
 * member stopped being an active quality school and left it. Carries the network's whole state after the change and
 * what changed. The network is part of its ESA: key {@code esa}, and
 * {@code version} is the ESA's version after the change.
 *
 * @param chairSchool         the chair's school, a member; null (absent in the JSON) while the network has no
 *                            chair (its chair school left it)
 * @param chairPerson         the chair; null (absent) while the network has no chair
 * @param formed              true when the network was formed by this change
 * @param chairChanged        true when the chair school or chair person changed, or the chair left (false when formed)
 * @param previousChairSchool the chair school before a chair change, else null
 * @param previousChairPerson the chair person before a chair change, else null
 * @param members             SMIS codes of the members after the change, in code order
 * @param membersAdded        members that joined with this change
 * @param membersRemoved      members that left with this change
 */
public record NetworkChanged(
        String esa,
        String chairSchool,
        String chairPerson,
        List<String> members,
        boolean formed,
        boolean chairChanged,
        String previousChairSchool,
        String previousChairPerson,
        List<String> membersAdded,
        List<String> membersRemoved,
        Instant changedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return esa;
    }
}
