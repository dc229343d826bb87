package th.tambon.security;

import io.micronaut.security.authentication.Authentication;

import java.util.EnumSet;
import java.util.Set;

/** Reads the {@link Actor} of a validated token at the HTTP edge. */
public final class Actors {
    public static final String ESA_CLAIM = "esa";
    public static final String SCHOOL_CLAIM = "school";

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getRoles().forEach(name -> Role.of(name).ifPresent(roles::add));
        return new Actor(authentication.getName(), roles, text(authentication, ESA_CLAIM),
                text(authentication, SCHOOL_CLAIM));
    }

    private static String text(Authentication authentication, String claim) {
        Object value = authentication.getAttributes().get(claim);
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
