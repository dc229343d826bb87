package th.tambon.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a command, from a validated token: its subject, roles and the ESA or school it belongs to. Commands take
 * it to check access against the object they touch, never against the URL or the body alone.
 *
 * @param subject the token's {@code sub}
 * @param roles   the roles of the token this system knows
 * @param esa     the {@code esa} claim: the ESA an officer works for, or null
 * @param school  the {@code school} claim: the school a director runs, or null
 */
public record Actor(String subject, Set<Role> roles, String esa, String school) {
    public Actor {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Whether the actor may change something that belongs to this ESA (a school of it, its network). */
    public boolean mayWriteWithinEsa(String esaCode) {
        return is(Role.OBEC_ADMIN) || (is(Role.ESA_OFFICER) && esa != null && esa.equals(esaCode));
    }

    /** Whether the actor may change something of this school, which belongs to that ESA. */
    public boolean mayWriteForSchool(String esaCode, String schoolCode) {
        return mayWriteWithinEsa(esaCode) || (is(Role.SCHOOL_DIRECTOR) && school != null && school.equals(schoolCode));
    }

    /** The role an audit entry names: the most powerful the actor holds. */
    public Role leadingRole() {
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return null;
    }
}
