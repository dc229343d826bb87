package th.tambon.contracts;

/**
 * The formats of the codes Tambon's events and APIs carry, as regular expressions for a whole value (usable in
 * {@code @Pattern}); the JSON Schemas use the same, anchored with {@code ^…$}.
 */
public final class Codes {
    /** An ESA: P (primary) or S (secondary), the 2-digit DOPA province code, '-', the zone: {@code P31-4}. */
    public static final String ESA = "[PS][0-9]{2}-[0-9]{1,2}";
    /** A school's 8-digit SMIS code: {@code 31040001}. */
    public static final String SMIS = "[0-9]{8}";
    /** A tambon's 6-digit DOPA code: {@code 312104}. */
    public static final String TAMBON = "[0-9]{6}";
    /** A province's 2-digit DOPA code: {@code 31}. */
    public static final String PROVINCE = "[0-9]{2}";

    private Codes() {
    }
}
