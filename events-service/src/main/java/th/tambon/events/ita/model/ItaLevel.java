package th.tambon.events.ita.model;

import java.math.BigDecimal;

/**
 * The level an ITA score falls in: AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99, F below 50.
 * Each level starts at its lower bound and runs up to the next level's, exclusive; scores have two decimals, so 94.99
 * is A and 95.00 is AA.
 */
public enum ItaLevel {
    AA("95"),
    A("85"),
    B("75"),
    C("65"),
    D("55"),
    E("50"),
    F("0");

    private final BigDecimal from;

    ItaLevel(String from) {
        this.from = new BigDecimal(from);
    }

    /** The lowest score of the level. */
    public BigDecimal from() {
        return from;
    }

    /**
     * The level of a score.
     *
     * @throws IllegalArgumentException when it is not a score ({@link ItaScores#problem})
     */
    public static ItaLevel of(BigDecimal score) {
        String problem = ItaScores.problem(score);
        if (problem != null) {
            throw new IllegalArgumentException("ITA score " + score + " " + problem);
        }
        for (ItaLevel level : values()) {
            if (score.compareTo(level.from) >= 0) {
                return level;
            }
        }
        throw new IllegalStateException("F starts at 0");
    }
}
