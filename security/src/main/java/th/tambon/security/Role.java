package th.tambon.security;

import java.util.Optional;

/**
 * What a token allows, from its {@code roles} claim. Reads of programme data are open to every role; writes are
 * scoped: an officer to its ESA ({@code esa} claim), a director to its school ({@code school} claim).
 */
public enum Role {
    /** OBEC staff: everything, everywhere. */
    OBEC_ADMIN,
    /** An ESA office's staff: writes within its own ESA only. */
    ESA_OFFICER,
    /** A school's director: writes for its own school only (its development plan, say). */
    SCHOOL_DIRECTOR,
    /** Reads only. */
    VIEWER;

    public static Optional<Role> of(String claim) {
        for (Role role : values()) {
            if (role.name().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
