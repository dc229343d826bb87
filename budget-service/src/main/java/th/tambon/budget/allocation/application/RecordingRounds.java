package th.tambon.budget.allocation.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.allocation.infrastructure.RoundRepository;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.allocation.model.RoundDraft;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.budget.allocation.model.RoundDraft.LineDraft;
import th.tambon.budget.ledger.model.Category;
import th.tambon.replica.schools.EsaReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * OBEC records an allocation round it sent an ESA: the round, its lines, an ALLOCATED ledger entry per line and
 * {@code allocation-round-changed.v1} (RECEIVED) on the ESA's fiscal-year key, in one transaction. Recording the same
 * round again with the same content changes nothing (an importer's retry); with other content it is refused: a round
 * changes only by a revision. A closed fiscal year takes no round.
 */
@Singleton
public class RecordingRounds {
    /** The subject's command name in the audit trail. */
    static final String COMMAND = "RecordAllocationRound";

    private final FiscalYearRepository years;
    private final RoundRepository rounds;
    private final LineRepository lines;
    private final Ledger ledger;
    private final RoundEvents events;
    private final EsaReplicaRepository esas;
    private final Clock clock;

    public RecordingRounds(FiscalYearRepository years, RoundRepository rounds, LineRepository lines, Ledger ledger,
                           RoundEvents events, EsaReplicaRepository esas, Clock clock) {
        this.years = years;
        this.rounds = rounds;
        this.lines = lines;
        this.ledger = ledger;
        this.events = events;
        this.esas = esas;
        this.clock = clock;
    }

    /** The round as recorded, and whether this call recorded it. */
    public record Recorded(RoundRow round, List<LineRow> lines, boolean created) {
    }

    @Transactional
    public Outcome<Recorded> record(RoundDraft draft, Actor actor) {
        var problems = draft.problems();
        if (!problems.isEmpty()) {
            var first = problems.get(0);
            // the problem names the first field; the others are named in its message
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, first.field(), String.join("; ",
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(first.message()), problems.stream()
                            .skip(1).map(p -> p.field() + ": " + p.message())).toList()));
        }
        if (!esas.existsById(draft.esa())) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "esa", "No ESA " + draft.esa()
                    + " is known to budget-service");
        }
        Instant now = Bangkok.now(clock);
        FiscalYearRow year = years.lockOrOpen(draft.esa(), draft.fiscalYear(), now);
        var existing = rounds.findByEsaAndFiscalYearAndRound(draft.esa(), draft.fiscalYear(), draft.round());
        if (existing.isPresent()) {
            List<LineRow> recorded = lines.findByRoundIdOrderByLine(existing.get().id());
            if (asDraft(existing.get(), recorded).sameAs(draft)) {
                return Outcome.done(new Recorded(existing.get(), recorded, false));
            }
            return Outcome.rejected(Rejection.Reason.DUPLICATE, "round", "round " + draft.round() + " of "
                    + draft.esa() + " in fiscal year " + draft.fiscalYear() + " is recorded already with other "
                    + "figures; a round changes only by a revision (POST …/rounds/" + draft.round() + "/revisions)");
        }
        if (year.closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + " is closed: it takes no new round");
        }
        RoundRow round = rounds.save(new RoundRow(UUID.randomUUID(), draft.esa(), draft.fiscalYear(), draft.round(),
                draft.receivedOn(), draft.documentRef(), Baht.of(draft.amount()), Baht.of(draft.amount()), now,
                actor.subject(), now));
        List<LineRow> created = new ArrayList<>();
        for (LineDraft line : draft.inLineOrder()) {
            LineRow row = lines.save(new LineRow(UUID.randomUUID(), round.id(), draft.esa(), draft.fiscalYear(),
                    draft.round(), line.line(), line.category().name(), line.purposeTh(), Baht.of(line.amount()),
                    Balance.ZERO.amount(), Balance.ZERO.transferred(), Balance.ZERO.committed(),
                    Balance.ZERO.spent()));
            created.add(ledger.post(row, Movement.of(EntryKind.ALLOCATED, Baht.of(line.amount()), "round "
                    + draft.round() + " received", draft.documentRef()), now, actor.subject()).orElseThrow());
        }
        events.announce(year, round, created, "RECEIVED", null, now, actor, COMMAND);
        return Outcome.done(new Recorded(round, created, true));
    }

    static RoundDraft asDraft(RoundRow round, List<LineRow> lines) {
        return new RoundDraft(round.esa(), round.fiscalYear(), round.round(), round.receivedOn(), round.documentRef(),
                round.originalAmount(), lines.stream().map(l -> new LineDraft(l.line(), Category.valueOf(l.category()),
                l.purposeTh(), l.originalAmount())).toList());
    }
}
