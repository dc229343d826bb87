package th.tambon.budget.allocation.application;

import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.allocation.infrastructure.RoundRepository;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.allocation.infrastructure.YearTotalsRepository;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.util.List;

/**
 * Reads an ESA's fiscal year (its rounds, lines and balances) and every ESA's of a year in sums, for the people allowed
 * to: OBEC and viewers every ESA's, an ESA officer its own ESA's ({@link ReadingRounds#mayRead}).
 */
@Singleton
public class ReadingFiscalYears {
    private final FiscalYearRepository years;
    private final RoundRepository rounds;
    private final LineRepository lines;
    private final YearTotalsRepository totals;

    public ReadingFiscalYears(FiscalYearRepository years, RoundRepository rounds, LineRepository lines,
                              YearTotalsRepository totals) {
        this.years = years;
        this.rounds = rounds;
        this.lines = lines;
        this.totals = totals;
    }

    /** An ESA's fiscal year as read: the year (its version is the ETag), its rounds and their lines. */
    public record EsaYear(FiscalYearRow year, List<RoundRow> rounds, List<LineRow> lines) {
    }

    /**
     * The ESA's fiscal year, or 404 when it has no round. The year is read first, so that the figures are never older
     * than the version given as its ETag.
     */
    public Outcome<EsaYear> esaYear(String esa, int fiscalYear, Actor actor) {
        if (!ReadingRounds.mayRead(actor, esa)) {
            return ReadingRounds.notAReader(esa);
        }
        var year = years.findById(new FiscalYearRow.Key(esa, fiscalYear));
        List<RoundRow> found = year.isEmpty() ? List.of() : rounds.findByEsaAndFiscalYearOrderByRound(esa, fiscalYear);
        if (found.isEmpty()) {
            return noRound(esa, fiscalYear);
        }
        return Outcome.done(new EsaYear(year.get(), found, lines.findOfEsaYear(esa, fiscalYear)));
    }

    /** Whether the ESA has a round in the fiscal year that the actor may read: 403, 404, or done. */
    public Outcome<FiscalYearRow> readable(String esa, int fiscalYear, Actor actor) {
        if (!ReadingRounds.mayRead(actor, esa)) {
            return ReadingRounds.notAReader(esa);
        }
        return years.findById(new FiscalYearRow.Key(esa, fiscalYear)).map(Outcome::done)
                .orElseGet(() -> noRound(esa, fiscalYear));
    }

    /** Every ESA's fiscal year in sums, or for an ESA officer its own ESA's only. */
    public Outcome<List<YearTotalsRepository.EsaTotals>> perEsa(int fiscalYear, Actor actor) {
        if (actor.is(Role.OBEC_ADMIN) || actor.is(Role.VIEWER)) {
            return Outcome.done(totals.perEsa(fiscalYear, null));
        }
        if (actor.is(Role.ESA_OFFICER) && actor.esa() != null) {
            return Outcome.done(totals.perEsa(fiscalYear, actor.esa()));
        }
        return Outcome.forbidden("Only OBEC, viewers or an ESA's officer read the budget of a fiscal year");
    }

    private static <T> Outcome<T> noRound(String esa, int fiscalYear) {
        return Outcome.rejected(Rejection.Reason.NOT_FOUND, "fiscalYear", esa + " has no allocation round in fiscal "
                + "year " + fiscalYear);
    }
}
