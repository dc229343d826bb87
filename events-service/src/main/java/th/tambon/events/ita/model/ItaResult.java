package th.tambon.events.ita.model;

import java.util.Objects;

/**
 * The ITA result of a school or an ESA for a fiscal year (BE): its scores and the level of its score. Its version is
 * its own: 1 when first recorded, one more with each change.
 *
 * @param code the school's SMIS code or the ESA's code
 * @param esa  the ESA: the subject itself, or the school's ESA
 */
public record ItaResult(SubjectType subjectType, String code, String esa, int fiscalYear, ItaScores scores,
                        long version) {
    public ItaResult {
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(esa, "esa");
        Objects.requireNonNull(scores, "scores");
    }

    /** The key of its events and its id: {@code ita/<code>/<fiscalYear>} (a school's and an ESA's codes never look alike). */
    public static String key(String code, int fiscalYear) {
        return "ita/" + code + "/" + fiscalYear;
    }

    public String key() {
        return key(code, fiscalYear);
    }

    public ItaLevel level() {
        return scores.level();
    }

    /** A first result. */
    public static ItaResult recorded(SubjectType subjectType, String code, String esa, int fiscalYear,
                                     ItaScores scores) {
        return new ItaResult(subjectType, code, esa, fiscalYear, scores, 1);
    }

    /** The result with other scores (the ESA stays the one it was recorded under). */
    public ItaResult changedTo(ItaScores newScores) {
        return new ItaResult(subjectType, code, esa, fiscalYear, newScores, version + 1);
    }
}
