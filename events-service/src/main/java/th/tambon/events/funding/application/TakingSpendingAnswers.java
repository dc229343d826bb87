package th.tambon.events.funding.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.contracts.budget.CommitmentCarriedOver;
import th.tambon.contracts.budget.CommitmentReleased;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.events.activity.application.ActivityEvents;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.funding.application.TakingBudgetReplies.Taken;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.events.funding.model.ActivityFunding.Answer;
import th.tambon.events.funding.model.Spending;
import th.tambon.service.Bangkok;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * What budget-service says about an activity's commitment after it committed it (budget.v1, key the activity's id):
 * the reported cost recorded as spent (EXPENDITURE_RECORDED) or refused (EXPENDITURE_REFUSED, with budget-service's
 * message and reason code, so that a person sees why and reports the cost again once there is room), the commitment
 * released (COMMITMENT_RELEASED) or carried over past its fiscal year (COMMITMENT_CARRIED_OVER). None moves the
 * activity: each leaves a history row by {@code budget-service} (no {@code activity.changed.v1}, no audit entry), and a
 * word on spending is kept on the funding ({@link ActivityFunding#spending()}), which the activity's view shows. Judged
 * by request number and budget-service's version ({@link ActivityFunding#judgeLater}, {@link
 * ActivityFunding#judgeSpending}), so a redelivered, replayed, overtaken or late answer changes nothing; one that
 * breaks the contract is the caller's to dead-letter. An ESA's direct expenditure (no activity) is not this service's.
 */
@Singleton
public class TakingSpendingAnswers {
    public static final String EXPENDITURE_RECORDED = "EXPENDITURE_RECORDED";
    public static final String EXPENDITURE_REFUSED = "EXPENDITURE_REFUSED";
    public static final String COMMITMENT_RELEASED = "COMMITMENT_RELEASED";
    public static final String COMMITMENT_CARRIED_OVER = "COMMITMENT_CARRIED_OVER";

    private final Activities activities;
    private final Fundings fundings;
    private final ActivityEvents events;
    private final Clock clock;

    public TakingSpendingAnswers(Activities activities, Fundings fundings, ActivityEvents events, Clock clock) {
        this.activities = activities;
        this.fundings = fundings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Taken recorded(ExpenditureRecorded reply) {
        if (reply.activity() == null) {
            return new Taken(Answer.NO_ACTIVITY, "expenditure " + reply.expenditure() + " is a direct expenditure of "
                    + reply.esa() + " in fiscal year " + reply.fiscalYear() + ", no activity's");
        }
        String spent = "spent " + baht(reply.amount()) + " baht on " + reply.spentOn() + "; released "
                + baht(reply.released() == null ? BigDecimal.ZERO : reply.released());
        return spending(reply.activity(), reply.request(), reply.version(), reply.esa(), reply.fiscalYear(),
                reply.round(), reply.line(), EXPENDITURE_RECORDED, Spending.recorded(spent, reply.recordedAt()));
    }

    @Transactional
    public Taken refused(ExpenditureRefused reply) {
        return spending(reply.activity(), reply.request(), reply.version(), reply.esa(), reply.fiscalYear(),
                reply.round(), reply.line(), EXPENDITURE_REFUSED,
                Spending.refused(reply.reason(), reply.message(), reply.refusedAt()));
    }

    @Transactional
    public Taken released(CommitmentReleased reply) {
        String why = "released " + baht(reply.amount()) + " baht" + (reply.reason() == null || reply.reason().isBlank()
                ? "" : ": " + reply.reason());
        return later(reply.activity(), reply.request(), reply.version(), reply.esa(), reply.fiscalYear(),
                reply.round(), reply.line(), COMMITMENT_RELEASED, why);
    }

    @Transactional
    public Taken carriedOver(CommitmentCarriedOver reply) {
        String why = "carried over " + baht(reply.amount()) + " baht past fiscal year " + reply.fiscalYear()
                + (reply.withObligation() ? ", with an obligation" : ", without an obligation")
                + (reply.reference() == null || reply.reference().isBlank() ? "" : " (" + reply.reference() + ")");
        return later(reply.activity(), reply.request(), reply.version(), reply.esa(), reply.fiscalYear(),
                reply.round(), reply.line(), COMMITMENT_CARRIED_OVER, why);
    }

    /** A word on spending: kept on the funding, and a history row. */
    private Taken spending(String activityId, Integer request, long version, String esa, int fiscalYear, int round,
                           int line, String change, Spending word) {
        Answered answered = Answered.lookUp(activities, fundings, activityId, request);
        if (!answered.found()) {
            return answered.unknown();
        }
        Activity activity = answered.activity();
        ActivityFunding funding = answered.funding();
        boolean costReported = RequestingFunding.costReported(activity);
        Answer answer = funding.judgeSpending(request, version, costReported, esa, fiscalYear, round, line);
        if (answer.taken()) {
            Instant now = Bangkok.now(clock);
            fundings.update(funding.spent(word, version), now);
            events.notedFrom(ActivityEvents.BUDGET_SERVICE, activity, change, word.message(), word.reasonCode(), now);
        }
        String why = answer == Answer.NOT_WHAT_WAS_ASKED && !costReported
                ? "activity " + activity.id() + " is " + activity.state() + (activity.fundsCommitted() ? "" : ", never "
                + "funded") + ": its cost was never reported, yet budget-service answers " + change + " of request "
                + request
                : why(answer, change, activity, funding, request, version, esa, fiscalYear, round, line);
        return new Taken(answer, why);
    }

    /** A word on the commitment that leaves the spending as it is: a history row. */
    private Taken later(String activityId, int request, long version, String esa, int fiscalYear, int round,
                        int line, String change, String reason) {
        Answered answered = Answered.lookUp(activities, fundings, activityId, request);
        if (!answered.found()) {
            return answered.unknown();
        }
        Activity activity = answered.activity();
        ActivityFunding funding = answered.funding();
        Answer answer = funding.judgeLater(request, version, esa, fiscalYear, round, line);
        if (answer.taken()) {
            Instant now = Bangkok.now(clock);
            fundings.update(funding.answered(version), now);
            events.notedFrom(ActivityEvents.BUDGET_SERVICE, activity, change, reason, null, now);
        }
        return new Taken(answer, why(answer, change, activity, funding, request, version, esa, fiscalYear, round,
                line));
    }

    private static String why(Answer answer, String change, Activity activity, ActivityFunding funding, int request,
                              long version, String esa, int fiscalYear, int round, int line) {
        String of = change + " of request " + request + " of activity " + activity.id();
        return switch (answer) {
            case TAKEN -> "activity " + activity.id() + " noted " + change + " of its request " + request
                    + " (budget.v1 version " + version + ")";
            case OLDER_REQUEST -> of + " is about an earlier request: its current request is " + funding.request();
            case ALREADY_SETTLED -> version <= funding.budgetVersion()
                    ? of + " has budget.v1 version " + version + ", but version " + funding.budgetVersion()
                    + " was taken already"
                    : of + " comes after its cost was recorded (" + funding.spending().message() + ")";
            case UNKNOWN_REQUEST -> of + " names a request never made: it has asked " + funding.request()
                    + " time(s)";
            case NOT_WHAT_WAS_ASKED -> of + " is for " + esa + " " + fiscalYear + "/" + round + "/" + line
                    + ", but it asked for " + funding.esa() + " " + funding.asked().fiscalYear() + "/"
                    + funding.asked().round() + "/" + funding.asked().line();
            case UNKNOWN_ACTIVITY, NO_ACTIVITY -> throw new IllegalStateException("judged with its activity");
        };
    }

    /** Baht as people read it: 21,700.00. */
    static String baht(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
