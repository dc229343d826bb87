package th.tambon.budget.allocation.application;

import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.contracts.budget.AllocationRoundChanged;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;

import java.time.Instant;
import java.util.List;

/**
 * What a round's change leaves behind in its transaction: the fiscal year's next version, the
 * {@code allocation-round-changed.v1} event on the ESA's fiscal-year key and the audit entry.
 */
@Singleton
public class RoundEvents {
    private final FiscalYearRepository years;
    private final Outbox outbox;
    private final AuditTrail audit;

    public RoundEvents(FiscalYearRepository years, Outbox outbox, AuditTrail audit) {
        this.years = years;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Announces the round as it now is; {@code year} must be locked by the caller. Returns the year after it. */
    public FiscalYearRow announce(FiscalYearRow year, RoundRow round, List<LineRow> lines, String change,
                                  String reason, Instant at, Actor actor, String command) {
        FiscalYearRow next = year.announced(at);
        years.update(next);
        AllocationRoundChanged event = new AllocationRoundChanged(round.esa(), round.fiscalYear(), round.round(),
                round.receivedOn(), round.documentRef(), round.amount(), round.originalAmount(),
                lines.stream().map(l -> new AllocationRoundChanged.Line(l.line(), l.category(), l.purposeTh(),
                        l.originalAmount(), l.amount())).toList(), change, reason, actor.subject(), at,
                next.version());
        outbox.append(event, at);
        audit.record(actor, command, "allocation-round", round.esa() + "/" + round.fiscalYear() + "/" + round.round(),
                event);
        return next;
    }
}
