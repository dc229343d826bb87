package th.tambon.budget.yearend.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.budget.allocation.application.ReadingRounds;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.budget.saga.application.SagaJournal;
import th.tambon.budget.saga.infrastructure.CommitmentRepository;
import th.tambon.budget.saga.infrastructure.CommitmentRow;
import th.tambon.budget.saga.infrastructure.SagaRepository;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.yearend.infrastructure.YearEndRepository;
import th.tambon.contracts.budget.CommitmentCarriedOver;
import th.tambon.contracts.budget.FiscalYearClosed;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.http.ThaiDates;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The year end of an ESA's fiscal year. An open commitment is carried over (กันเงินไว้เบิกเหลื่อมปี, with its
 * reference): a CARRIED_OVER ledger entry that moves nothing, {@code commitment-carried-over.v1} on the activity's key,
 * and it stays spendable after 30 September against the old year's allocation. Closing the year requires every open
 * commitment to be carried over (or released by cancelling its activity); a closed year takes no new round, revision,
 * transfer, commitment or expenditure, except the spending of what was carried over ({@code fiscal-year-closed.v1}
 * with what lapses). OBEC or an officer of the ESA.
 */
@Singleton
public class ClosingFiscalYears {
    private final FiscalYearRepository years;
    private final YearEndRepository yearEnd;
    private final CommitmentRepository commitments;
    private final SagaRepository sagas;
    private final LineRepository lines;
    private final Ledger ledger;
    private final SagaJournal journal;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public ClosingFiscalYears(FiscalYearRepository years, YearEndRepository yearEnd, CommitmentRepository commitments,
                              SagaRepository sagas, LineRepository lines, Ledger ledger, SagaJournal journal,
                              Outbox outbox, AuditTrail audit, Clock clock) {
        this.years = years;
        this.yearEnd = yearEnd;
        this.commitments = commitments;
        this.sagas = sagas;
        this.lines = lines;
        this.ledger = ledger;
        this.journal = journal;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ESA's commitments of the year, in {@code state} or all, for those who read its budget. */
    public Outcome<List<CommitmentRow>> commitments(String esa, int year, String state, Actor actor) {
        if (!ReadingRounds.mayRead(actor, esa)) {
            return ReadingRounds.notAReader(esa);
        }
        return Outcome.done(yearEnd.commitments(esa, year, state));
    }

    @Transactional
    public Outcome<CommitmentRow> carryOver(String esa, int year, UUID commitmentId, String reference,
                                            boolean withObligation, Actor actor) {
        if (!actor.mayWriteWithinEsa(esa)) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa + " carries its commitments over");
        }
        var found = commitments.findById(commitmentId);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "commitment", "No commitment " + commitmentId);
        }
        SagaRow saga = sagas.lock(found.get().activity()).orElseThrow();
        var fiscalYear = years.share(esa, year);
        CommitmentRow commitment = commitments.lock(found.get().activity(), found.get().request()).orElseThrow();
        LineRow line = lines.findById(commitment.lineId()).orElseThrow();
        if (!line.esa().equals(esa) || line.fiscalYear() != year || fiscalYear.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "commitment", "Commitment " + commitmentId
                    + " is not one of " + esa + "'s in fiscal year " + year);
        }
        if (fiscalYear.get().closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year " + year + " of " + esa
                    + " is closed: its commitments were carried over or released before");
        }
        if (!commitment.open()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "commitment", "commitment " + commitmentId
                    + " is " + commitment.state() + ": only an open commitment is carried over");
        }
        if (commitment.carriedOver()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "commitment", "commitment " + commitmentId
                    + " was carried over already (" + commitment.carriedOverRef() + ")");
        }
        Instant now = Bangkok.now(clock);
        LineRow locked = lines.lock(line.id()).orElseThrow();
        ledger.post(locked, Movement.of(EntryKind.CARRIED_OVER, commitment.amount(), "carried over past the end of "
                        + "fiscal year " + year + (withObligation ? " (with a binding obligation)" : ""), reference)
                .forActivity(commitment.activity(), commitment.request(), commitment.id()), now, actor.subject())
                .orElseThrow();
        CommitmentRow carried = commitments.update(new CommitmentRow(commitment.id(), commitment.lineId(),
                commitment.activity(), commitment.request(), commitment.amount(), commitment.state(),
                commitment.committedAt(), commitment.settledAt(), reference, withObligation, now, actor.subject()));
        journal.step(saga, commitment.request(), "CARRIED_OVER", commitment.amount(), null, reference, now);
        journal.announce(new SagaRow(saga.activity(), saga.esa(), saga.request(), saga.state(), saga.seenVersion(),
                        saga.version(), saga.startedAt(), now),
                version -> {
                    CommitmentCarriedOver event = new CommitmentCarriedOver(commitment.activity().toString(), esa,
                            year, line.round(), line.line(), commitment.amount(), commitment.request(),
                            commitment.id().toString(), reference, withObligation, actor.subject(), now, version);
                    audit.record(actor, "CarryCommitmentOver", "commitment", commitment.id().toString(), event);
                    return event;
                }, now);
        return Outcome.done(carried);
    }

    /** The year's sums when closed: allocated, spent, carried over, lapsed. */
    public record Closed(FiscalYearRow year, BigDecimal allocated, BigDecimal spent, BigDecimal carriedOver,
                         BigDecimal lapsed) {
    }

    @Transactional
    public Outcome<Closed> close(String esa, int year, IfMatch ifMatch, Actor actor) {
        if (!actor.mayWriteWithinEsa(esa)) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa + " closes its fiscal year");
        }
        var found = years.lock(esa, year);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "fiscalYear", esa + " has no round in fiscal year "
                    + year);
        }
        FiscalYearRow fiscalYear = found.get();
        if (!ifMatch.namesTags()) {
            return Outcome.preconditionRequired("Closing fiscal year " + year + " of " + esa + " takes If-Match with "
                    + "the ETag of the year as read (GET /api/v1/fiscal-years/" + year + "/esas/" + esa + "); * names no "
                    + "version");
        }
        if (Outcome.stale(ifMatch, fiscalYear.version())) {
            return Outcome.stale("fiscal year " + year + " of " + esa, fiscalYear.version(), ifMatch);
        }
        if (fiscalYear.closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year " + year + " of " + esa
                    + " is closed already (" + fiscalYear.closedAt() + ")");
        }
        LocalDate lastDay = th.tambon.http.FiscalYear.of(year).lastDay();
        if (!Bangkok.today(clock).isAfter(lastDay)) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year " + year + " runs "
                    + "until " + lastDay + " (" + ThaiDates.format(lastDay) + "); it closes once that day has passed "
                    + "in Bangkok");
        }
        List<CommitmentRow> open = yearEnd.commitments(esa, year, CommitmentRow.OPEN);
        List<CommitmentRow> notCarried = open.stream().filter(c -> !c.carriedOver()).toList();
        if (!notCarried.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "commitments", notCarried.size()
                    + " open commitment(s) of fiscal year " + year + " are neither released nor carried over: "
                    + String.join(", ", notCarried.stream().map(c -> c.id() + " (activity " + c.activity() + ", "
                    + Baht.th(c.amount()) + ")").toList()) + "; carry each over (POST …/commitments/{id}/carry-over) "
                    + "or cancel its activity");
        }
        Balance sum = lines.findOfEsaYear(esa, year).stream().map(LineRow::balance)
                .reduce(Balance.ZERO, Balance::plus);
        BigDecimal carriedOver = open.stream().map(CommitmentRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lapsed = sum.allocated().subtract(sum.spent()).subtract(carriedOver);
        Instant now = Bangkok.now(clock);
        FiscalYearRow closed = fiscalYear.closed(now, actor.subject());
        years.update(closed);
        FiscalYearClosed event = new FiscalYearClosed(esa, year, sum.allocated(), sum.spent(), Baht.of(carriedOver),
                lapsed, actor.subject(), now, closed.version());
        outbox.append(event, now);
        audit.record(actor, "CloseFiscalYear", "fiscal-year", esa + "/" + year, event);
        return Outcome.done(new Closed(closed, sum.allocated(), sum.spent(), Baht.of(carriedOver), lapsed));
    }
}
