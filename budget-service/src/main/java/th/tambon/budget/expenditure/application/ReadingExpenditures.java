package th.tambon.budget.expenditure.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.application.ReadingRounds;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRepository;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRow;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.security.Actor;
import th.tambon.service.Outcome;

import java.util.Map;
import java.util.UUID;

/**
 * What an ESA spent in a fiscal year, direct expenditures and activities' alike, newest first (by the day spent, then
 * as recorded), for those who read its budget ({@link ReadingRounds#mayRead}).
 */
@Singleton
public class ReadingExpenditures {
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("spentOn"), Sort.Order.desc("recordedAt"),
            Sort.Order.desc("id"));

    private final ExpenditureRepository expenditures;
    private final LineRepository lines;

    public ReadingExpenditures(ExpenditureRepository expenditures, LineRepository lines) {
        this.expenditures = expenditures;
        this.lines = lines;
    }

    /** A page of expenditures and the lines they were spent on, by id. */
    public record Listed(Page<ExpenditureRow> page, Map<UUID, LineRow> lines) {
    }

    public Outcome<Listed> list(String esa, int year, int page, int size, Actor actor) {
        if (!ReadingRounds.mayRead(actor, esa)) {
            return ReadingRounds.notAReader(esa);
        }
        Page<ExpenditureRow> found = expenditures.findOfEsaYear(esa, year, Pageable.from(page, size, NEWEST_FIRST));
        Map<UUID, LineRow> named = found.isEmpty() ? Map.of() : lines.byIdOfEsaYear(esa, year);
        return Outcome.done(new Listed(found, named));
    }
}
