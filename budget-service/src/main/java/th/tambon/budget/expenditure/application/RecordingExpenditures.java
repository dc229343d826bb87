package th.tambon.budget.expenditure.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRepository;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRow;
import th.tambon.budget.expenditure.model.ExpenditureDraft;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * OBEC or the ESA's officer records a direct expenditure (without an activity) on a line of the ESA's fiscal year: a
 * SPENT ledger entry, the expenditure, the fiscal year's next version and {@code expenditure-recorded.v1} on its key
 * ({@code <esa>/<year>}), in one transaction. The line must have the amount remaining: two expenditures racing for its
 * last baht take turns on the fiscal year's and the line's row locks, and the second finds it gone (the line's CHECK
 * refuses it whatever the code does). If-Match is optional: an expenditure is added, not decided on what the caller read.
 */
@Singleton
public class RecordingExpenditures {
    static final String COMMAND = "RecordExpenditure";

    private final FiscalYearRepository years;
    private final LineRepository lines;
    private final Ledger ledger;
    private final ExpenditureRepository expenditures;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordingExpenditures(FiscalYearRepository years, LineRepository lines, Ledger ledger,
                                 ExpenditureRepository expenditures, Outbox outbox, AuditTrail audit, Clock clock) {
        this.years = years;
        this.lines = lines;
        this.ledger = ledger;
        this.expenditures = expenditures;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The expenditure, its line after it and the fiscal year's version; {@code created} false when the same
     * expenditure (its document, line, amount and day) had been recorded already: a retry, nothing new.
     */
    public record Recorded(ExpenditureRow expenditure, LineRow line, long version, boolean created) {
    }

    @Transactional
    public Outcome<Recorded> record(ExpenditureDraft draft, IfMatch ifMatch, Actor actor) {
        if (!actor.mayWriteWithinEsa(draft.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + draft.esa() + " records what it spent");
        }
        var problems = draft.problems();
        if (!problems.isEmpty()) {
            // the first is enough: the request's constraints caught the usual ones before
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, problems.get(0).field(), problems.get(0).message());
        }
        Optional<FiscalYearRow> locked = years.lock(draft.esa(), draft.fiscalYear());
        if (locked.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "fiscalYear", "No fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + ": it has no allocation round");
        }
        FiscalYearRow year = locked.get();
        Optional<LineRow> found = lines.lock(draft.esa(), draft.fiscalYear(), draft.round(), draft.line());
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, "line", "line: " + draft.esa()
                    + " has no line " + draft.line() + " in round " + draft.round() + " of fiscal year "
                    + draft.fiscalYear());
        }
        LineRow line = found.get();
        if (draft.documentRef() != null) {
            // the voucher (ฎีกา) names one expenditure of the ESA's year: sent again, it is a retry
            var earlier = expenditures.findDirectByDocument(draft.esa(), draft.fiscalYear(), draft.documentRef());
            if (earlier.isPresent()) {
                ExpenditureRow same = earlier.get();
                if (same.lineId().equals(line.id()) && same.amount().compareTo(draft.amount()) == 0
                        && same.spentOn().equals(draft.spentOn())) {
                    return Outcome.done(new Recorded(same, line, year.version(), false));
                }
                return Outcome.rejected(Rejection.Reason.DUPLICATE, "documentRef", "document " + draft.documentRef()
                        + " is expenditure " + same.id() + " already (" + Baht.th(same.amount()) + " on "
                        + same.spentOn() + "), not this one");
            }
        }
        // after the document's check: a retry carries the If-Match of its first sending, which that made stale
        if (Outcome.stale(ifMatch, year.version())) {
            return Outcome.stale("Fiscal year " + draft.fiscalYear() + " of " + draft.esa(), year.version(), ifMatch);
        }
        if (year.closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + " is closed: nothing more is spent on it");
        }
        Instant now = Bangkok.now(clock);
        BigDecimal amount = Baht.of(draft.amount());
        UUID id = UUID.randomUUID();
        Optional<LineRow> after = ledger.post(line, Movement.of(EntryKind.SPENT, amount, draft.purposeTh(),
                draft.documentRef()).forExpenditure(id), now, actor.subject());
        if (after.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "amount", "INSUFFICIENT_BALANCE: line "
                    + line.label() + " has " + Baht.th(line.balance().remaining()) + " remaining, less than the "
                    + Baht.th(amount) + " to spend");
        }
        ExpenditureRow expenditure = expenditures.save(new ExpenditureRow(id, line.id(), amount, draft.spentOn(),
                null, null, null, draft.purposeTh(), draft.documentRef(), now, actor.subject()));
        FiscalYearRow next = year.announced(now);
        years.update(next);
        ExpenditureRecorded event = new ExpenditureRecorded(id.toString(), draft.esa(), draft.fiscalYear(),
                line.round(), line.line(), amount, draft.spentOn(), null, null, null, null, null, draft.purposeTh(),
                draft.documentRef(), actor.subject(), now, next.version());
        outbox.append(event, now);
        audit.record(actor, COMMAND, "expenditure", id.toString(), event);
        return Outcome.done(new Recorded(expenditure, after.get(), next.version(), true));
    }
}
