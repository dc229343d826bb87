package th.tambon.budget.saga.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRepository;
import th.tambon.budget.expenditure.infrastructure.ExpenditureRow;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.budget.saga.infrastructure.CommitmentRepository;
import th.tambon.budget.saga.infrastructure.CommitmentRow;
import th.tambon.budget.saga.infrastructure.SagaRepository;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.saga.model.SagaState;
import th.tambon.contracts.budget.CommitmentReleased;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.contracts.events.ActivityFundingReleased;
import th.tambon.service.Bangkok;
import th.tambon.http.FiscalYear;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The funding saga's budget side after the answer: a cancelled activity's commitment is released
 * ({@code activity.funding-released.v1} → RELEASED entry, {@code commitment-released.v1}); a reported activity's actual
 * cost turns its commitment into an expenditure ({@code activity.cost-reported.v1} → the commitment RELEASED and the
 * cost SPENT, {@code expenditure-recorded.v1}; a lower cost so releases the difference, a higher one draws the
 * difference from the line if it has room), else {@code expenditure-refused.v1} and the commitment stays open until the
 * cost is reported again. Each is judged by the commitment of the activity's request (the business key): a commitment
 * already released or spent is not released or spent twice, whatever the inbox remembers; an event the saga has seen
 * (its funding version) changes nothing.
 */
@Singleton
public class SettlingCommitments {
    private final SagaRepository sagas;
    private final CommitmentRepository commitments;
    private final ExpenditureRepository expenditures;
    private final LineRepository lines;
    private final FiscalYearRepository years;
    private final Ledger ledger;
    private final SagaJournal journal;
    private final Clock clock;

    public SettlingCommitments(SagaRepository sagas, CommitmentRepository commitments,
                               ExpenditureRepository expenditures, LineRepository lines,
                               FiscalYearRepository years, Ledger ledger, SagaJournal journal, Clock clock) {
        this.sagas = sagas;
        this.commitments = commitments;
        this.expenditures = expenditures;
        this.lines = lines;
        this.years = years;
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Handled released(ActivityFundingReleased release) {
        UUID activity = Handled.activityId(release.activity());
        Optional<SagaRow> found = sagas.lock(activity);
        if (found.isEmpty()) {
            return Handled.wrong("activity " + activity + " releases request " + release.request()
                    + ", but budget-service never saw a request of it");
        }
        SagaRow saga = found.get();
        if (saga.handled(release.version())) {
            return Handled.nothing("a replay: funding version " + release.version() + " of activity " + activity
                    + " was handled already");
        }
        if (release.request() > saga.request()) {
            return Handled.wrong("activity " + activity + " releases request " + release.request()
                    + ", which it never made (its newest is " + saga.request() + ")");
        }
        Instant now = Bangkok.now(clock);
        Optional<CommitmentRow> commitment = commitments.lock(activity, release.request());
        if (commitment.isEmpty() || !commitment.get().open()) {
            SagaRow seen = saga.seen(release.version(), saga.request(), commitment.isEmpty() && saga.request()
                    == release.request() ? SagaState.RELEASED.name() : saga.state(), now);
            journal.keep(seen);
            String what = commitment.isEmpty() ? "nothing was committed for it"
                    : "its commitment is " + commitment.get().state() + " already";
            journal.step(seen, release.request(), "RELEASED", null, null, release.reason() + " (" + what + ")", now);
            return Handled.nothing("activity " + activity + " released request " + release.request() + ": " + what);
        }
        CommitmentRow open = commitment.get();
        LineRow line = lockLine(open).line();
        ledger.post(line, Movement.of(EntryKind.RELEASED, open.amount().negate(), "activity cancelled: "
                        + release.reason(), null).forActivity(activity, open.request(), open.id()), now,
                AnsweringFundingRequests.BY).orElseThrow(() -> new IllegalStateException("releasing commitment "
                + open.id() + " would leave line " + line.id() + " negative"));
        commitments.update(open.settled(CommitmentRow.RELEASED, now));
        SagaRow seen = saga.seen(release.version(), saga.request(), SagaState.RELEASED.name(), now);
        journal.step(seen, open.request(), "RELEASED", open.amount(), null, release.reason(), now);
        journal.announce(seen, version -> new CommitmentReleased(release.activity(), line.esa(), line.fiscalYear(),
                line.round(), line.line(), open.amount(), open.request(), open.id().toString(), release.reason(), now,
                version), now);
        return Handled.moved("released " + open.amount() + " baht committed for request " + open.request()
                + " of activity " + activity);
    }

    @Transactional
    public Handled costReported(ActivityCostReported report) {
        UUID activity = Handled.activityId(report.activity());
        Optional<SagaRow> found = sagas.lock(activity);
        if (found.isEmpty()) {
            return Handled.wrong("activity " + activity + " reports its cost for request " + report.request()
                    + ", but budget-service never saw a request of it");
        }
        SagaRow saga = found.get();
        if (saga.handled(report.version())) {
            return Handled.nothing("a replay: funding version " + report.version() + " of activity " + activity
                    + " was handled already");
        }
        if (report.request() > saga.request()) {
            return Handled.wrong("activity " + activity + " reports its cost for request " + report.request()
                    + ", which it never made (its newest is " + saga.request() + ")");
        }
        Instant now = Bangkok.now(clock);
        Optional<CommitmentRow> commitment = commitments.lock(activity, report.request());
        if (commitment.isPresent() && CommitmentRow.SPENT.equals(commitment.get().state())) {
            return spentAlready(saga, report, commitment.get(), now);
        }
        if (commitment.isEmpty() || !commitment.get().open()) {
            return refuse(saga, report, null, ExpenditureRefused.NOT_COMMITTED, "ไม่มีเงินผูกพันของกิจกรรมนี้: "
                    + "request " + report.request() + " of activity " + activity + " has no open commitment ("
                    + (commitment.isEmpty() ? "none was made" : "it was " + commitment.get().state()) + ")", now);
        }
        CommitmentRow open = commitment.get();
        Locked locked = lockLine(open);
        FiscalYearRow year = locked.year();
        LineRow line = locked.line();
        var costProblem = Baht.problemWith(report.actualCost());
        if (costProblem.isPresent()) {
            return refuse(saga, report, line, ExpenditureRefused.INVALID_REQUEST, "the actual cost "
                    + costProblem.get(), now);
        }
        LocalDate spentOn = report.spentOn() != null ? report.spentOn()
                : report.reportedAt().atZone(Bangkok.ZONE).toLocalDate();
        FiscalYear fiscalYear = FiscalYear.of(line.fiscalYear());
        if (year.closed() && !open.carriedOver()) {
            return refuse(saga, report, line, ExpenditureRefused.FISCAL_YEAR_CLOSED, "ปีงบประมาณ "
                    + line.fiscalYear() + " ปิดแล้ว: fiscal year " + line.fiscalYear() + " of " + line.esa()
                    + " is closed and the commitment was not carried over", now);
        }
        boolean inYear = !spentOn.isBefore(fiscalYear.firstDay()) && !spentOn.isAfter(fiscalYear.lastDay());
        boolean afterYearCarriedOver = open.carriedOver() && spentOn.isAfter(fiscalYear.lastDay());
        if (!inYear && !afterYearCarriedOver) {
            return refuse(saga, report, line, ExpenditureRefused.OUTSIDE_FISCAL_YEAR, "วันที่เบิกจ่ายอยู่นอก"
                    + "ปีงบประมาณ: " + spentOn + " lies outside fiscal year " + line.fiscalYear() + " ("
                    + fiscalYear.firstDay() + " to " + fiscalYear.lastDay() + ") of line " + line.label(), now);
        }
        BigDecimal cost = Baht.of(report.actualCost());
        if (year.closed() && cost.compareTo(open.amount()) > 0) {
            return refuse(saga, report, line, ExpenditureRefused.FISCAL_YEAR_CLOSED, "ปีงบประมาณ "
                    + line.fiscalYear() + " ปิดแล้ว: fiscal year " + line.fiscalYear() + " of " + line.esa()
                    + " is closed; its carried-over commitment of " + Baht.th(open.amount()) + " is spent up to that, "
                    + "not the " + Baht.th(cost) + " reported (what the year left lapsed)", now);
        }
        Optional<Balance> after = line.balance().after(EntryKind.RELEASED, open.amount().negate())
                .flatMap(b -> cost.signum() == 0 ? Optional.of(b) : b.after(EntryKind.SPENT, cost));
        if (after.isEmpty()) {
            BigDecimal room = line.balance().remaining().add(open.amount());
            return refuse(saga, report, line, ExpenditureRefused.INSUFFICIENT_BALANCE, "งบประมาณคงเหลือไม่พอ: the "
                    + "cost " + Baht.th(cost) + " is more than the commitment's " + Baht.th(open.amount())
                    + " and what line " + line.label() + " has left (" + Baht.th(room) + " with the commitment); "
                    + "make room with a transfer and report the cost again", now);
        }
        UUID expenditure = UUID.randomUUID();
        LineRow released = ledger.post(line, Movement.of(EntryKind.RELEASED, open.amount().negate(), "spent as "
                + "expenditure " + expenditure, null).forActivity(activity, open.request(), open.id())
                .forExpenditure(expenditure), now, AnsweringFundingRequests.BY).orElseThrow();
        if (cost.signum() > 0) {
            ledger.post(released, Movement.of(EntryKind.SPENT, cost, "actual cost of activity " + activity, null)
                    .forActivity(activity, open.request(), open.id()).forExpenditure(expenditure), now,
                    AnsweringFundingRequests.BY).orElseThrow();
        }
        ExpenditureRow row = expenditures.save(new ExpenditureRow(expenditure, line.id(), cost,
                spentOn, activity, open.request(), open.id(), "ค่าใช้จ่ายจริงของกิจกรรม " + activity, null, now,
                AnsweringFundingRequests.BY));
        commitments.update(open.settled(CommitmentRow.SPENT, now));
        SagaRow seen = saga.seen(report.version(), saga.request(), SagaState.SPENT.name(), now);
        BigDecimal difference = open.amount().subtract(cost);
        journal.step(seen, open.request(), "SPENT", cost, null, difference.signum() > 0 ? "released "
                + Baht.th(difference) : null, now);
        journal.announce(seen, version -> recorded(row, line, open, version), now);
        return Handled.moved("spent " + cost + " baht of the " + open.amount() + " committed for request "
                + open.request() + " of activity " + activity);
    }

    /** A commitment's line, locked, and its fiscal year, share-locked. */
    private record Locked(FiscalYearRow year, LineRow line) {
    }

    /** Locks the commitment's year (shared) and then its line: the order commitments, transfers and revisions take. */
    private Locked lockLine(CommitmentRow commitment) {
        LineRow unlocked = lines.findById(commitment.lineId()).orElseThrow();
        FiscalYearRow year = years.share(unlocked.esa(), unlocked.fiscalYear()).orElseThrow();
        return new Locked(year, lines.lock(commitment.lineId()).orElseThrow());
    }

    /** The cost of a commitment spent already, reported again: the same expenditure announced again. */
    private Handled spentAlready(SagaRow saga, ActivityCostReported report, CommitmentRow spent, Instant now) {
        ExpenditureRow row = expenditures.findByCommitment(spent.id()).orElseThrow();
        LineRow line = lines.findById(row.lineId()).orElseThrow();
        SagaRow seen = saga.seen(report.version(), saga.request(), saga.state(), saga.updatedAt());
        journal.step(seen, report.request(), "COST_REPORTED_AGAIN", report.actualCost(), null, "spent already: "
                + Baht.th(row.amount()), now);
        journal.announce(seen, version -> recorded(row, line, spent, version), now);
        return Handled.repeated("request " + report.request() + " of activity " + report.activity() + " was spent "
                + "already (" + row.amount() + " baht); the expenditure is announced again");
    }

    private Handled refuse(SagaRow saga, ActivityCostReported report, LineRow line, String reason, String message,
                           Instant now) {
        // nothing committed (rejected, released): the saga stays as it was; else its commitment waits for a new report
        String state = ExpenditureRefused.NOT_COMMITTED.equals(reason) ? saga.state()
                : SagaState.SPENDING_REFUSED.name();
        SagaRow seen = saga.seen(report.version(), saga.request(), state, now);
        journal.step(seen, report.request(), "SPENDING_REFUSED", report.actualCost(), reason, message, now);
        journal.announce(seen, version -> new ExpenditureRefused(report.activity(), report.esa(),
                line == null ? report.fiscalYear() : line.fiscalYear(), line == null ? report.round() : line.round(),
                line == null ? report.line() : line.line(), report.amount(), report.actualCost(), report.request(),
                reason, message, now, version), now);
        return Handled.moved("refused the cost of request " + report.request() + " of activity " + report.activity()
                + ": " + reason + " (" + message + ")");
    }

    private static ExpenditureRecorded recorded(ExpenditureRow row, LineRow line, CommitmentRow commitment,
                                                long version) {
        BigDecimal difference = commitment.amount().subtract(row.amount());
        return new ExpenditureRecorded(row.id().toString(), line.esa(), line.fiscalYear(), line.round(), line.line(),
                row.amount(), row.spentOn(), row.activity().toString(), row.request(), commitment.id().toString(),
                commitment.amount(), difference.signum() > 0 ? difference : null, row.purposeTh(), row.documentRef(),
                row.recordedBy(), row.recordedAt(), version);
    }
}
