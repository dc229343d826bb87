package th.tambon.security;

/** The role names as annotation values ({@code @Secured(Roles.OBEC_ADMIN)}); {@link Role} is the type. */
public final class Roles {
    public static final String OBEC_ADMIN = "OBEC_ADMIN";
    public static final String ESA_OFFICER = "ESA_OFFICER";
    public static final String SCHOOL_DIRECTOR = "SCHOOL_DIRECTOR";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
