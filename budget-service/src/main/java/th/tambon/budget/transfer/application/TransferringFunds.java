package th.tambon.budget.transfer.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.budget.transfer.infrastructure.TransferRepository;
import th.tambon.budget.transfer.infrastructure.TransferRow;
import th.tambon.budget.transfer.model.LinePlace;
import th.tambon.budget.transfer.model.TransferDraft;
import th.tambon.contracts.budget.FundsTransferred;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * OBEC or the ESA's officer moves money from one line of the ESA's fiscal year to another (โอนเปลี่ยนแปลง), naming the
 * fiscal year's version it decided on (If-Match). A TRANSFERRED_OUT entry on the source, a TRANSFERRED_IN on the
 * target, the transfer, the fiscal year's next version and {@code funds-transferred.v1} on its key, in one
 * transaction. The source never goes below what it has committed and spent: the ledger refuses that, and so do the
 * line's CHECKs. Locks: the fiscal year, then both lines in id order, as every writer of several lines takes them.
 */
@Singleton
public class TransferringFunds {
    static final String COMMAND = "TransferFunds";

    private final FiscalYearRepository years;
    private final LineRepository lines;
    private final Ledger ledger;
    private final TransferRepository transfers;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public TransferringFunds(FiscalYearRepository years, LineRepository lines, Ledger ledger,
                             TransferRepository transfers, Outbox outbox, AuditTrail audit, Clock clock) {
        this.years = years;
        this.lines = lines;
        this.ledger = ledger;
        this.transfers = transfers;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The transfer, both lines after it and the fiscal year's version it brought. */
    public record Transferred(TransferRow transfer, LineRow from, LineRow to, long version) {
    }

    @Transactional
    public Outcome<Transferred> transfer(TransferDraft draft, IfMatch ifMatch, Actor actor) {
        if (!actor.mayWriteWithinEsa(draft.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + draft.esa() + " transfers money between its "
                    + "lines");
        }
        var problems = draft.problems();
        if (!problems.isEmpty()) {
            // the first is enough: the request's constraints caught the usual ones before
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, problems.get(0).field(), problems.get(0).message());
        }
        if (!ifMatch.namesTags()) {
            return Outcome.preconditionRequired("A transfer must name, in If-Match, the ETag of the fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + " it was decided on (GET a round of it)");
        }
        Optional<FiscalYearRow> locked = years.lock(draft.esa(), draft.fiscalYear());
        if (locked.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "fiscalYear", "No fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + ": it has no allocation round");
        }
        FiscalYearRow year = locked.get();
        if (Outcome.stale(ifMatch, year.version())) {
            return Outcome.stale("Fiscal year " + draft.fiscalYear() + " of " + draft.esa(), year.version(), ifMatch);
        }
        if (year.closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year "
                    + draft.fiscalYear() + " of " + draft.esa() + " is closed: it takes no transfer");
        }
        List<LineRow> ofYear = lines.findOfEsaYear(draft.esa(), draft.fiscalYear());
        Optional<LineRow> from = find(ofYear, draft.from());
        Optional<LineRow> to = find(ofYear, draft.to());
        if (from.isEmpty() || to.isEmpty()) {
            String field = from.isEmpty() ? "from" : "to";
            LinePlace place = from.isEmpty() ? draft.from() : draft.to();
            return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, field, field + ": " + draft.esa()
                    + " has no line " + place.line() + " in round " + place.round() + " of fiscal year "
                    + draft.fiscalYear());
        }
        // both locked in id order, so that two transfers between the same lines in opposite directions take turns
        boolean fromFirst = from.get().id().compareTo(to.get().id()) < 0;
        LineRow first = lines.lock(fromFirst ? from.get().id() : to.get().id()).orElseThrow();
        LineRow second = lines.lock(fromFirst ? to.get().id() : from.get().id()).orElseThrow();
        LineRow source = fromFirst ? first : second;
        LineRow target = fromFirst ? second : first;

        Instant now = Bangkok.now(clock);
        BigDecimal amount = Baht.of(draft.amount());
        UUID id = UUID.randomUUID();
        Optional<LineRow> sourceAfter = ledger.post(source, Movement.of(EntryKind.TRANSFERRED_OUT, amount.negate(),
                draft.reason(), draft.documentRef()).forTransfer(id), now, actor.subject());
        if (sourceAfter.isEmpty()) {
            return belowCommittedAndSpent(source, amount);
        }
        LineRow targetAfter = ledger.post(target, Movement.of(EntryKind.TRANSFERRED_IN, amount, draft.reason(),
                draft.documentRef()).forTransfer(id), now, actor.subject()).orElseThrow();
        TransferRow transfer = transfers.save(new TransferRow(id, draft.esa(), draft.fiscalYear(), source.id(),
                target.id(), amount, draft.reason(), draft.documentRef(), now, actor.subject()));
        FiscalYearRow next = year.announced(now);
        years.update(next);
        FundsTransferred event = new FundsTransferred(id.toString(), draft.esa(), draft.fiscalYear(),
                new FundsTransferred.LineRef(source.round(), source.line()),
                new FundsTransferred.LineRef(target.round(), target.line()), amount, draft.reason(),
                draft.documentRef(), actor.subject(), now, next.version());
        outbox.append(event, now);
        audit.record(actor, COMMAND, "transfer", id.toString(), event);
        return Outcome.done(new Transferred(transfer, sourceAfter.get(), targetAfter, next.version()));
    }

    private static Optional<LineRow> find(List<LineRow> lines, LinePlace place) {
        return lines.stream().filter(l -> l.round() == place.round() && l.line() == place.line()).findFirst();
    }

    private static <T> Outcome<T> belowCommittedAndSpent(LineRow source, BigDecimal amount) {
        Balance b = source.balance();
        return Outcome.rejected(Rejection.Reason.INCONSISTENT, "amount", "a transfer cannot take line "
                + source.label() + " below what it has committed and spent: it has " + Baht.th(b.allocated())
                + " allocated, " + Baht.th(b.committed()) + " committed and " + Baht.th(b.spent()) + " spent, so "
                + Baht.th(b.remaining()) + " may leave it, not " + Baht.th(amount));
    }
}
