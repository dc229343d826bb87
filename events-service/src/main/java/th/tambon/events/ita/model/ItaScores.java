package th.tambon.events.ita.model;

import th.tambon.service.Step;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An ITA result's scores: the overall score and, when given, the three instruments' (IIT internal stakeholders, EIT
 * external stakeholders, OIT the office's open data). Each from 0.00 to 100.00 with at most two decimals, kept at
 * two.
 */
public record ItaScores(BigDecimal score, BigDecimal iit, BigDecimal eit, BigDecimal oit) {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ItaScores {
        Objects.requireNonNull(score, "score");
    }

    /** The scores at two decimals, or the first that is not a score, named by its field. */
    public static Step<ItaScores> of(BigDecimal score, BigDecimal iit, BigDecimal eit, BigDecimal oit) {
        if (score == null) {
            return Step.refused("score", "is required");
        }
        for (var field : new Object[][]{{"score", score}, {"iit", iit}, {"eit", eit}, {"oit", oit}}) {
            BigDecimal value = (BigDecimal) field[1];
            String problem = value == null ? null : problem(value);
            if (problem != null) {
                return Step.refused((String) field[0], problem);
            }
        }
        return Step.to(new ItaScores(scaled(score), scaled(iit), scaled(eit), scaled(oit)));
    }

    /** Why a value is not an ITA score, or null when it is one. */
    public static String problem(BigDecimal value) {
        if (value == null) {
            return "is required";
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            return "must be from 0.00 to 100.00 with at most two decimals (" + value.toPlainString() + ")";
        }
        return null;
    }

    public ItaLevel level() {
        return ItaLevel.of(score);
    }

    /** Whether the two say the same (95 and 95.00 are the same score; an absent instrument equals only an absent one). */
    public boolean sameAs(ItaScores other) {
        return same(score, other.score) && same(iit, other.iit) && same(eit, other.eit) && same(oit, other.oit);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }
}
