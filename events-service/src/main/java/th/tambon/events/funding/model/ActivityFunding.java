package th.tambon.events.funding.model;

import th.tambon.events.activity.model.Funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The funding of an activity: the funding saga's own aggregate, apart from the activity so that its events
 * (requested, asked again, cost reported, released; key {@code <activity>/funding}) count their own {@code version}
 * while the activity's events keep the activity's. It holds the activity's current request: its number (1 for the
 * first, one more each time the activity is planned again after a rejection), the line and amount asked for, and when
 * it was last asked, which is what budget-service's answers and "overdue" are judged by. Where the saga stands is the
 * activity's state (FUNDING_REQUESTED, FUNDED, FUNDING_REJECTED…), not kept twice; what became of the commitment once
 * the cost was reported is budget-service's to say, and {@link #spending()} keeps its last word.
 *
 * @param asked         the budget line and amount of the current request
 * @param requestedAt   when the current request was last asked (asking again renews it)
 * @param version       counts the funding's events: 1 for the first request
 * @param spending      budget-service's last word on spending the current request's commitment, or null before any
 * @param budgetVersion budget.v1's version (budget-service's own for the activity) of the last answer taken, 0 before
 */
public record ActivityFunding(UUID activity, String esa, int request, Funding asked, Instant requestedAt,
                              long version, Spending spending, long budgetVersion) {
    public ActivityFunding {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The first request of an activity planned with this funding. */
    public static ActivityFunding firstRequest(UUID activity, String esa, Funding asked, Instant at) {
        return new ActivityFunding(activity, esa, 1, asked, at, 1, null, 0);
    }

    /**
     * The next request, when the activity is planned again after a rejection (perhaps with another line or amount):
     * nothing was spent on it yet.
     */
    public ActivityFunding nextRequest(Funding newAsked, Instant at) {
        return new ActivityFunding(activity, esa, request + 1, newAsked, at, version + 1, null, budgetVersion);
    }

    /** The same request asked again, budget-service not having answered it: the same number, a new time. */
    public ActivityFunding askedAgain(Instant at) {
        return new ActivityFunding(activity, esa, request, asked, at, version + 1, spending, budgetVersion);
    }

    /** The funding after one more event about its current request (its cost reported, its release). */
    public ActivityFunding announced() {
        return new ActivityFunding(activity, esa, request, asked, requestedAt, version + 1, spending, budgetVersion);
    }

    /**
     * The funding after it took budget-service's answer of budget.v1 version {@code answerVersion}. Not an event of
     * the funding's own: its version stays.
     */
    public ActivityFunding answered(long answerVersion) {
        return new ActivityFunding(activity, esa, request, asked, requestedAt, version, spending,
                Math.max(budgetVersion, answerVersion));
    }

    /** The funding after it took budget-service's word on spending, an answer of budget.v1 version {@code answerVersion}. */
    public ActivityFunding spent(Spending word, long answerVersion) {
        return new ActivityFunding(activity, esa, request, asked, requestedAt, version, word,
                Math.max(budgetVersion, answerVersion));
    }

    /** Whether budget-service's last word on spending the commitment is a refusal: the cost may be reported again. */
    public boolean spendingRefused() {
        return spending != null && spending.refused();
    }

    public BigDecimal amount() {
        return asked.estimate();
    }

    /**
     * What an answer of budget-service naming request {@code answered}, for that line and amount, does to an activity
     * whose funding this is and which is {@code awaiting} an answer or not.
     */
    public Answer judge(int answered, boolean awaiting, String answerEsa, int fiscalYear, int round, int line,
                        BigDecimal answerAmount) {
        if (answered > request) {
            return Answer.UNKNOWN_REQUEST;
        }
        if (answered < request) {
            return Answer.OLDER_REQUEST;
        }
        if (!awaiting) {
            return Answer.ALREADY_SETTLED;
        }
        boolean same = sameLine(answerEsa, fiscalYear, round, line) && answerAmount != null
                && asked.estimate().compareTo(answerAmount) == 0;
        return same ? Answer.TAKEN : Answer.NOT_WHAT_WAS_ASKED;
    }

    /**
     * What an answer of budget-service that follows a commitment (a commitment released or carried over), naming
     * request {@code answered} on that line, with budget.v1 version {@code answerVersion}, does to this funding.
     * Judged by the request number first, as {@link #judge}; then by budget-service's version, since such answers do
     * not move the activity, so its state cannot tell a replay (the same answer under another event id, or after the
     * inbox was pruned) from a new one: budget-service's versions for an activity only grow, so an answer at or below
     * the last one taken was taken already, or was overtaken by it. Only a newer one leaves a history row.
     */
    public Answer judgeLater(int answered, long answerVersion, String answerEsa, int fiscalYear, int round, int line) {
        if (answered > request) {
            return Answer.UNKNOWN_REQUEST;
        }
        if (answered < request) {
            return Answer.OLDER_REQUEST;
        }
        if (!sameLine(answerEsa, fiscalYear, round, line)) {
            return Answer.NOT_WHAT_WAS_ASKED;
        }
        return answerVersion <= budgetVersion ? Answer.ALREADY_SETTLED : Answer.TAKEN;
    }

    /**
     * What budget-service's word on spending (an expenditure recorded or refused) naming request {@code answered} does
     * to this funding, whose cost was reported ({@code costReported}: the activity is REPORTED or CLOSED and was
     * funded) or not. As {@link #judgeLater}, and it only moves forward: once the cost was RECORDED for the request,
     * nothing budget-service says about spending it changes that (a refusal of a second report, sent before the
     * recording arrived, is NOT_COMMITTED there and "already settled" here), while a refusal is replaced by the next
     * word, a recording or another refusal of the cost reported again. An answer about a cost never reported breaks
     * the contract: the activity commits REPORTED with its cost report, so no answer can overtake it.
     */
    public Answer judgeSpending(int answered, long answerVersion, boolean costReported, String answerEsa,
                                int fiscalYear, int round, int line) {
        Answer later = judgeLater(answered, answerVersion, answerEsa, fiscalYear, round, line);
        if (later != Answer.TAKEN && later != Answer.ALREADY_SETTLED) {
            return later;
        }
        if (!costReported) {
            return Answer.NOT_WHAT_WAS_ASKED;
        }
        if (later == Answer.ALREADY_SETTLED || (spending != null && spending.recorded())) {
            return Answer.ALREADY_SETTLED;
        }
        return Answer.TAKEN;
    }

    private boolean sameLine(String answerEsa, int fiscalYear, int round, int line) {
        return esa.equals(answerEsa) && asked.fiscalYear() == fiscalYear && asked.round() == round
                && asked.line() == line;
    }

    /** What becomes of an answer of budget-service. */
    public enum Answer {
        /**
         * It answers the current request while it waits (the activity moves), or is budget-service's newer word on its
         * commitment (the activity's history and funding note it).
         */
        TAKEN(true, false),
        /** An answer to an earlier request (the activity was planned again since): changes nothing. */
        OLDER_REQUEST(false, false),
        /**
         * The current request was answered already, or the activity no longer waits (cancelled); or a word on its
         * commitment no newer than the last taken, or on spending a cost already recorded: a redelivered, replayed or
         * second answer, which changes nothing.
         */
        ALREADY_SETTLED(false, false),
        /** Names a request never made: budget-service or the data is wrong. Not to be passed over in silence. */
        UNKNOWN_REQUEST(false, true),
        /**
         * Answers the current request for another ESA, line or amount than it asked, or about spending a cost never
         * reported: not to be taken either.
         */
        NOT_WHAT_WAS_ASKED(false, true),
        /** About an activity this service does not have (another system's, or a wrong id): nothing to judge it by. */
        UNKNOWN_ACTIVITY(false, true),
        /** About no activity at all (an ESA's direct expenditure, on its fiscal year's key): not this service's. */
        NO_ACTIVITY(false, false);

        private final boolean taken;
        private final boolean wrong;

        Answer(boolean taken, boolean wrong) {
            this.taken = taken;
            this.wrong = wrong;
        }

        /** Whether the answer changes something: the activity moves, or its history and funding note it. */
        public boolean taken() {
            return taken;
        }

        /** Whether the answer breaks the contract (dead-lettered), as against one that is merely late or repeated. */
        public boolean wrong() {
            return wrong;
        }
    }
}
