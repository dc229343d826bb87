package th.tambon.budget.allocation.application;

import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.allocation.infrastructure.RoundRepository;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

/** Reads rounds for the people allowed to: OBEC and viewers every ESA's, an ESA officer its own ESA's. */
@Singleton
public class ReadingRounds {
    private final FiscalYearRepository years;
    private final RoundRepository rounds;
    private final LineRepository lines;

    public ReadingRounds(FiscalYearRepository years, RoundRepository rounds, LineRepository lines) {
        this.years = years;
        this.rounds = rounds;
        this.lines = lines;
    }

    /** Whether the actor may read an ESA's budget. */
    public static boolean mayRead(Actor actor, String esa) {
        return actor.is(Role.OBEC_ADMIN) || actor.is(Role.VIEWER) || (actor.is(Role.ESA_OFFICER)
                && esa.equals(actor.esa()));
    }

    /** The 403 refusal of an actor who may not read {@code esa}'s budget ({@link #mayRead}). */
    public static <T> Outcome<T> notAReader(String esa) {
        return Outcome.forbidden("Only OBEC, viewers or an officer of " + esa + " read its budget");
    }

    public Outcome<RecordingRounds.Recorded> round(String esa, int year, int round, Actor actor) {
        if (!mayRead(actor, esa)) {
            return notAReader(esa);
        }
        return rounds.findByEsaAndFiscalYearAndRound(esa, year, round)
                .map(r -> Outcome.done(new RecordingRounds.Recorded(r, lines.findByRoundIdOrderByLine(r.id()), false)))
                .orElseGet(() -> Outcome.rejected(Rejection.Reason.NOT_FOUND, "round", "No round " + round + " of "
                        + esa + " in fiscal year " + year));
    }

    /** The version of the ESA's fiscal year (0 when it has no round), its ETag. */
    public long yearVersion(String esa, int year) {
        return years.findById(new FiscalYearRow.Key(esa, year)).map(FiscalYearRow::version).orElse(0L);
    }
}
