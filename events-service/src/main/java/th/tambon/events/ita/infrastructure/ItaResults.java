package th.tambon.events.ita.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.events.ita.model.ItaResult;
import th.tambon.events.ita.model.ItaScores;
import th.tambon.events.ita.model.SubjectType;

import java.time.Instant;
import java.util.Optional;

/** ITA results as the rest of the service sees them, stored as {@code ita_result} rows. */
@Singleton
public class ItaResults {
    private final ItaResultRepository rows;

    public ItaResults(ItaResultRepository rows) {
        this.rows = rows;
    }

    public Optional<ItaResult> find(String code, int fiscalYear) {
        return rows.findById(ItaResult.key(code, fiscalYear)).map(ItaResults::result);
    }

    /**
     * The result, or none yet, with its key held and its row locked until the transaction ends: two recordings of one
     * result, the first included, take turns.
     */
    public Optional<ItaResult> findForChange(String code, int fiscalYear) {
        String key = ItaResult.key(code, fiscalYear);
        rows.lockKey(key);
        return rows.lock(key).map(ItaResults::result);
    }

    public void insert(ItaResult result, Instant at, String by) {
        rows.save(row(result, at, by));
    }

    /** Stores a changed result read with {@link #findForChange}. */
    public void update(ItaResult result, Instant at, String by) {
        rows.update(row(result, at, by));
    }

    public static ItaResult result(ItaResultRow row) {
        return new ItaResult(SubjectType.valueOf(row.subjectType()), row.code(), row.esa(), row.fiscalYear(),
                new ItaScores(row.score(), row.iit(), row.eit(), row.oit()), row.version());
    }

    private static ItaResultRow row(ItaResult result, Instant at, String by) {
        ItaScores s = result.scores();
        return new ItaResultRow(result.key(), result.subjectType().name(), result.code(), result.fiscalYear(),
                result.esa(), s.score(), result.level().name(), s.iit(), s.eit(), s.oit(), at, by, result.version());
    }
}
