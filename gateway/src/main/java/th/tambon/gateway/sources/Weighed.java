package th.tambon.gateway.sources;

/**
 * An answer whose size varies a lot (an activity with two thousand certificates): the gateway's memory of last good
 * answers ({@link Sources}) counts it as {@link #weight()} answers of the usual size, so that it holds fewer of the
 * large ones. Every other answer weighs one.
 */
public interface Weighed {
    /** Items (certificates, rows…) that weigh as much as one usual answer. */
    int ITEMS_PER_UNIT = 50;

    int weight();
}
