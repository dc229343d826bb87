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
 * activity's state (FUNDING_REQUESTED, FUNDED, FUNDING_REJECTED…), not kept twice.
 *
 * @param asked       the budget line and amount of the current request
 * @param requestedAt when the current request was last asked (asking again renews it)
 * @param version     counts the funding's events: 1 for the first request
 */
public record ActivityFunding(UUID activity, String esa, int request, Funding asked, Instant requestedAt,
                              long version) {
    public ActivityFunding {
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The first request of an activity planned with this funding. */
    public static ActivityFunding firstRequest(UUID activity, String esa, Funding asked, Instant at) {
        return new ActivityFunding(activity, esa, 1, asked, at, 1);
    }

    /** The next request, when the activity is planned again after a rejection (perhaps with another line or amount). */
    public ActivityFunding nextRequest(Funding newAsked, Instant at) {
        return new ActivityFunding(activity, esa, request + 1, newAsked, at, version + 1);
    }

    /** The same request asked again, budget-service not having answered it: the same number, a new time. */
    public ActivityFunding askedAgain(Instant at) {
        return new ActivityFunding(activity, esa, request, asked, at, version + 1);
    }

    /** The funding after one more event about its current request (its cost reported, its release). */
    public ActivityFunding announced() {
        return new ActivityFunding(activity, esa, request, asked, requestedAt, version + 1);
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
        boolean same = esa.equals(answerEsa) && asked.fiscalYear() == fiscalYear && asked.round() == round
                && asked.line() == line && answerAmount != null && asked.estimate().compareTo(answerAmount) == 0;
        return same ? Answer.TAKEN : Answer.NOT_WHAT_WAS_ASKED;
    }

    /** What becomes of an answer of budget-service. */
    public enum Answer {
        /** It answers the current request while it waits: the activity moves. */
        TAKEN(true, false),
        /** An answer to an earlier request (the activity was planned again since): changes nothing. */
        OLDER_REQUEST(false, false),
        /**
         * The current request was answered already, or the activity no longer waits (cancelled): a redelivered,
         * replayed or second answer, which changes nothing.
         */
        ALREADY_SETTLED(false, false),
        /** Names a request never made: budget-service or the data is wrong. Not to be passed over in silence. */
        UNKNOWN_REQUEST(false, true),
        /** Answers the current request for another ESA, line or amount than it asked: not to be taken either. */
        NOT_WHAT_WAS_ASKED(false, true),
        /** About an activity this service does not have (another system's, or a wrong id): nothing to judge it by. */
        UNKNOWN_ACTIVITY(false, true);

        private final boolean moves;
        private final boolean wrong;

        Answer(boolean moves, boolean wrong) {
            this.moves = moves;
            this.wrong = wrong;
        }

        public boolean moves() {
            return moves;
        }

        /** Whether the answer breaks the contract (dead-lettered), as against one that is merely late or repeated. */
        public boolean wrong() {
            return wrong;
        }
    }
}
