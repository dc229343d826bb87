package th.tambon.budget.saga.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.budget.saga.infrastructure.AnswerRepository;
import th.tambon.budget.saga.infrastructure.AnswerRow;
import th.tambon.budget.saga.infrastructure.CommitmentRepository;
import th.tambon.budget.saga.infrastructure.CommitmentRow;
import th.tambon.budget.saga.infrastructure.SagaRepository;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.saga.model.SagaState;
import th.tambon.contracts.EventData;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.service.Bangkok;
import th.tambon.service.CrashPoints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The funding saga's budget side, first step: events-service asks to commit an activity's estimate on a line
 * ({@code activity.funding-requested.v1}). budget-service answers each (activity, request) once, by that business key
 * ({@code funding_answer}), whatever the inbox remembers: committed when the line has room (a COMMITTED ledger entry and
 * the commitment, {@code funds-committed.v1}), else refused with a reason ({@code funding-rejected.v1}); the answer and
 * its event commit together (the outbox). The same request asked again (a higher funding version: events-service's
 * operator asked again) gets the same answer again; a funding event already handled (its version at or below the
 * saga's) is a replay and changes nothing. See docs/decisions/0019.
 */
@Singleton
public class AnsweringFundingRequests {
    /** Who the ledger names for the saga's movements. */
    public static final String BY = "funding-saga";
    /** Crash points (docs/decisions/0020): a new answer and its outbox row written, not yet committed. */
    public static final String CRASH_BEFORE_COMMIT = "budget.saga.before-commit";
    /** Crash point (docs/decisions/0020): a new answer just committed, the request's offset not yet. */
    public static final String CRASH_AFTER_COMMIT = "budget.saga.after-commit";

    private final SagaRepository sagas;
    private final AnswerRepository answers;
    private final CommitmentRepository commitments;
    private final LineRepository lines;
    private final FiscalYearRepository years;
    private final Ledger ledger;
    private final SagaJournal journal;
    private final Clock clock;
    private final CrashPoints crashPoints;

    public AnsweringFundingRequests(SagaRepository sagas, AnswerRepository answers, CommitmentRepository commitments,
                                    LineRepository lines, FiscalYearRepository years, Ledger ledger,
                                    SagaJournal journal, Clock clock, CrashPoints crashPoints) {
        this.sagas = sagas;
        this.answers = answers;
        this.commitments = commitments;
        this.lines = lines;
        this.years = years;
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
        this.crashPoints = crashPoints;
    }

    @Transactional
    public Handled requested(ActivityFundingRequested asked) {
        UUID activity = Handled.activityId(asked.activity());
        Instant now = Bangkok.now(clock);
        Optional<SagaRow> found = sagas.lock(activity);
        SagaRow saga = found.orElseGet(() -> sagas.lockOrStart(activity, asked.esa(), asked.request(), now));
        boolean started = saga.version() == 0 && found.isEmpty();
        if (!started && saga.handled(asked.version())) {
            return Handled.nothing("a replay: funding version " + asked.version() + " of activity " + activity
                    + " was handled already (the saga has seen " + saga.seenVersion() + ")");
        }
        var answered = answers.findById(new AnswerRow.Key(activity, asked.request()));
        if (answered.isPresent()) {
            return repeat(saga, answered.get(), asked, now);
        }
        if (!started && asked.request() < saga.request()) {
            return Handled.wrong("activity " + activity + " asks for request " + asked.request()
                    + " after request " + saga.request() + " was asked, yet request " + asked.request()
                    + " was never answered");
        }
        journal.step(saga, asked.request(), "REQUESTED", asked.amount(), null, null, now);
        Decision decision = decide(activity, asked, now);
        answers.save(new AnswerRow(new AnswerRow.Key(activity, asked.request()), asked.esa(), asked.fiscalYear(),
                asked.round(), asked.line(), asked.amount(), decision.commitment(), decision.reason(),
                decision.message(), now));
        String state = decision.committed() ? SagaState.COMMITTED.name() : SagaState.REJECTED.name();
        SagaRow seen = saga.seen(asked.version(), asked.request(), state, now);
        journal.step(seen, asked.request(), state, asked.amount(), decision.reason(), decision.message(), now);
        journal.announce(seen, version -> answer(asked, decision, now, version), now);
        crashPoints.reached(CRASH_BEFORE_COMMIT);
        crashPoints.reachedOnceCommitted(CRASH_AFTER_COMMIT);
        return decision.committed()
                ? Handled.moved("committed " + asked.amount() + " baht on " + asked.esa() + " " + asked.fiscalYear()
                + "/" + asked.round() + "/" + asked.line() + " for request " + asked.request() + " of activity "
                + activity)
                : Handled.moved("refused request " + asked.request() + " of activity " + activity + ": "
                + decision.reason() + " (" + decision.message() + ")");
    }

    /** The same request asked again: the same answer again, with the saga's next version. */
    private Handled repeat(SagaRow saga, AnswerRow answer, ActivityFundingRequested asked, Instant now) {
        if (!answer.answers(asked.esa(), asked.fiscalYear(), asked.round(), asked.line(), asked.amount())) {
            return Handled.wrong("request " + asked.request() + " of activity " + asked.activity() + " now asks for "
                    + asked.esa() + " " + asked.fiscalYear() + "/" + asked.round() + "/" + asked.line() + " "
                    + asked.amount() + " baht, but it asked for " + answer.esa() + " " + answer.fiscalYear() + "/"
                    + answer.round() + "/" + answer.line() + " " + answer.amount() + " baht and was answered");
        }
        SagaRow seen = saga.seen(asked.version(), saga.request(), saga.state(), saga.updatedAt());
        journal.step(seen, asked.request(), "REQUESTED_AGAIN", asked.amount(), null, null, now);
        Decision decision = new Decision(answer.commitment(), answer.reason(), answer.message());
        journal.announce(seen, version -> answer(asked, decision, answer.answeredAt(), version), now);
        return Handled.repeated("request " + asked.request() + " of activity " + asked.activity() + " asked again: "
                + (answer.committed() ? "committed" : "refused " + answer.reason()) + " again");
    }

    private Decision decide(UUID activity, ActivityFundingRequested asked, Instant now) {
        var amountProblem = Baht.problemWithPositive(asked.amount());
        if (amountProblem.isPresent()) {
            return Decision.refused(FundingRejected.INVALID_REQUEST, "จำนวนเงินที่ขอไม่ถูกต้อง: the amount "
                    + amountProblem.get());
        }
        Optional<FiscalYearRow> year = years.share(asked.esa(), asked.fiscalYear());
        if (year.isPresent() && year.get().closed()) {
            return Decision.refused(FundingRejected.FISCAL_YEAR_CLOSED, "ปีงบประมาณ " + asked.fiscalYear()
                    + " ของ " + asked.esa() + " ปิดแล้ว: fiscal year " + asked.fiscalYear() + " of " + asked.esa()
                    + " is closed and takes no new commitment");
        }
        Optional<LineRow> line = year.isEmpty() ? Optional.empty()
                : lines.lock(asked.esa(), asked.fiscalYear(), asked.round(), asked.line());
        if (line.isEmpty()) {
            return Decision.refused(FundingRejected.UNKNOWN_LINE, "ไม่พบรายการงบประมาณ: " + asked.esa()
                    + " has no line " + asked.line() + " in round " + asked.round() + " of fiscal year "
                    + asked.fiscalYear());
        }
        UUID commitment = UUID.randomUUID();
        BigDecimal amount = Baht.of(asked.amount());
        var posted = ledger.post(line.get(), Movement.of(EntryKind.COMMITTED, amount, "request " + asked.request()
                + " of activity " + activity, null).forActivity(activity, asked.request(), commitment), now, BY);
        if (posted.isEmpty()) {
            return Decision.refused(FundingRejected.INSUFFICIENT_BALANCE, "งบประมาณคงเหลือไม่พอ: line "
                    + line.get().label() + " of " + asked.esa() + " has " + Baht.th(line.get().balance().remaining())
                    + " left, the activity asks for " + Baht.th(amount));
        }
        commitments.save(new CommitmentRow(commitment, line.get().id(), activity, asked.request(), amount,
                CommitmentRow.OPEN, now, null, null, null, null, null));
        return new Decision(commitment, null, null);
    }

    private static EventData answer(ActivityFundingRequested asked, Decision decision, Instant at, long version) {
        if (decision.committed()) {
            return new FundsCommitted(asked.activity(), asked.esa(), asked.fiscalYear(), asked.round(), asked.line(),
                    asked.amount(), asked.request(), decision.commitment().toString(), at, version);
        }
        // the amount as asked; one with more than two decimals (which events.v1's schema keeps off the topic) to the
        // satang, so that the refusal itself keeps budget.v1's schema
        BigDecimal asAsked = asked.amount().scale() > 2 ? asked.amount().setScale(2, RoundingMode.HALF_UP)
                : asked.amount();
        return new FundingRejected(asked.activity(), asked.esa(), asked.fiscalYear(), asked.round(), asked.line(),
                asAsked, asked.request(), decision.reason(), decision.message(), at, version);
    }

    /** A commitment's id, or a refusal's reason and message. */
    private record Decision(UUID commitment, String reason, String message) {
        static Decision refused(String reason, String message) {
            return new Decision(null, reason, message);
        }

        boolean committed() {
            return commitment != null;
        }
    }
}
