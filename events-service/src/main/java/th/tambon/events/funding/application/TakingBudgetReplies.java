package th.tambon.events.funding.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.events.activity.application.ActivityEvents;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.events.funding.model.ActivityFunding.Answer;
import th.tambon.service.Bangkok;
import th.tambon.service.CrashPoints;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * budget-service's answers to funding requests (budget.v1): a commitment moves the activity to FUNDED, a refusal to
 * FUNDING_REJECTED with budget-service's message as its reason, each with a history row by {@code budget-service} and
 * {@code activity.changed.v1}. Only an answer to the activity's current request while it waits for one moves it: that is
 * what makes a redelivered answer, a replayed one (another event id, the same content, the inbox pruned or not) or a
 * late answer to an earlier request change nothing, whatever the inbox remembers. What becomes of each answer is
 * {@link ActivityFunding#judge}'s verdict; an answer that breaks the contract is the caller's to dead-letter.
 */
@Singleton
public class TakingBudgetReplies {
    /** Crash point (docs/decisions/0020): an answer taken, the activity moved and its event written, not committed. */
    public static final String CRASH_BEFORE_COMMIT = "events.reply.before-commit";
    /** Crash point (docs/decisions/0020): an answer taken and just committed, the answer's offset not yet. */
    public static final String CRASH_AFTER_COMMIT = "events.reply.after-commit";

    private final Activities activities;
    private final Fundings fundings;
    private final ActivityEvents events;
    private final Clock clock;
    private final CrashPoints crashPoints;

    public TakingBudgetReplies(Activities activities, Fundings fundings, ActivityEvents events, Clock clock,
                               CrashPoints crashPoints) {
        this.activities = activities;
        this.fundings = fundings;
        this.events = events;
        this.clock = clock;
        this.crashPoints = crashPoints;
    }

    /** What an answer did, and why, in words for the log or the dead letter. */
    public record Taken(Answer answer, String why) {
    }

    @Transactional
    public Taken committed(FundsCommitted reply) {
        return take(reply.activity(), reply.request(), reply.esa(), reply.fiscalYear(), reply.round(), reply.line(),
                reply.amount(), reply.version(), Activity::funded, null);
    }

    @Transactional
    public Taken rejected(FundingRejected reply) {
        return take(reply.activity(), reply.request(), reply.esa(), reply.fiscalYear(), reply.round(), reply.line(),
                reply.amount(), reply.version(), activity -> activity.fundingRejected(reply.message()),
                reply.reason());
    }

    private Taken take(String activityId, int request, String esa, int fiscalYear, int round, int line,
                       BigDecimal amount, long budgetVersion, UnaryOperator<Activity> move, String reasonCode) {
        Answered answered = Answered.lookUp(activities, fundings, activityId, request);
        if (!answered.found()) {
            return answered.unknown();
        }
        Activity activity = answered.activity();
        ActivityFunding current = answered.funding();
        UUID id = activity.id();
        Answer answer = current.judge(request, activity.awaitsFunding(), esa, fiscalYear, round, line, amount);
        String why = switch (answer) {
            case TAKEN -> "activity " + id + " took the answer to its request " + request;
            case OLDER_REQUEST -> "the answer is to request " + request + " of activity " + id + ", whose current "
                    + "request is " + current.request();
            case ALREADY_SETTLED -> "activity " + id + " is " + activity.state() + ", no longer waiting for an "
                    + "answer to its request " + request;
            case UNKNOWN_REQUEST -> "the answer names request " + request + " of activity " + id + ", which has "
                    + "asked " + current.request() + " time(s)";
            case NOT_WHAT_WAS_ASKED -> "the answer to request " + request + " of activity " + id + " is for " + esa
                    + " " + fiscalYear + "/" + round + "/" + line + " " + amount + " baht, but it asked for "
                    + current.esa() + " " + current.asked().fiscalYear() + "/" + current.asked().round() + "/"
                    + current.asked().line() + " " + current.amount() + " baht";
            case UNKNOWN_ACTIVITY, NO_ACTIVITY -> throw new IllegalStateException("judged with its activity");
        };
        if (answer.taken()) {
            Activity moved = move.apply(activity);
            Instant now = Bangkok.now(clock);
            activities.update(moved, now);
            // the answers that follow (spending, releasing) are judged by budget-service's version from here on
            fundings.update(current.answered(budgetVersion), now);
            events.recordedFrom(ActivityEvents.BUDGET_SERVICE, moved, moved.state().name(), reasonCode, now);
            crashPoints.reached(CRASH_BEFORE_COMMIT);
            crashPoints.reachedOnceCommitted(CRASH_AFTER_COMMIT);
        }
        return new Taken(answer, why);
    }
}
