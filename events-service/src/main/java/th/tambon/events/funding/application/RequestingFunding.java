package th.tambon.events.funding.application;

import jakarta.inject.Singleton;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.contracts.events.ActivityFundingReleased;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.events.activity.application.FollowingMoves;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.activity.model.Funding;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;

import java.time.Instant;

/**
 * events-service's side of the funding saga, in the transaction of the move that sets it off: planning an activity
 * with funding asks budget-service for it (a new request: {@code activity.funding-requested.v1}); cancelling one whose
 * request is unanswered or committed releases it ({@code activity.funding-released.v1}); reporting a funded one gives
 * its actual cost ({@code activity.cost-reported.v1}). Each is an event of the activity's funding, on its own key and
 * with its own version.
 */
@Singleton
public class RequestingFunding implements FollowingMoves {
    private final Fundings fundings;
    private final Outbox outbox;

    public RequestingFunding(Fundings fundings, Outbox outbox) {
        this.fundings = fundings;
        this.outbox = outbox;
    }

    @Override
    public void moved(Activity before, Activity after, Instant at, Actor actor) {
        if (after.state() == ActivityState.FUNDING_REQUESTED) {
            request(after, at);
        } else if (after.state() == ActivityState.CANCELLED && (before.awaitsFunding() || before.fundsCommitted())) {
            release(before, after, at);
        } else if (after.state() == ActivityState.REPORTED && after.fundsCommitted()) {
            reportCost(after, at);
        }
    }

    /** The activity's next request (its first, or one more after a rejection), on the line its details now name. */
    private void request(Activity activity, Instant at) {
        Funding asked = activity.details().funding();
        ActivityFunding funding = fundings.findForChange(activity.id())
                .map(earlier -> earlier.nextRequest(asked, at))
                .orElseGet(() -> ActivityFunding.firstRequest(activity.id(), activity.esa(), asked, at));
        fundings.store(funding, at);
        outbox.append(requested(funding), at);
    }

    private void release(Activity before, Activity cancelled, Instant at) {
        ActivityFunding funding = current(cancelled).announced();
        fundings.store(funding, at);
        Funding asked = funding.asked();
        outbox.append(new ActivityFundingReleased(cancelled.id().toString(), cancelled.esa(), asked.fiscalYear(),
                asked.round(), asked.line(), asked.estimate(), funding.request(), before.fundsCommitted(),
                cancelled.reason(), at, funding.version()), at);
    }

    private void reportCost(Activity reported, Instant at) {
        ActivityFunding funding = current(reported).announced();
        fundings.store(funding, at);
        outbox.append(costReport(reported, funding, at), at);
    }

    /** The event giving budget-service a reported activity's actual cost, spent on the day it started. */
    static ActivityCostReported costReport(Activity reported, ActivityFunding funding, Instant at) {
        Funding asked = funding.asked();
        return new ActivityCostReported(reported.id().toString(), reported.esa(), asked.fiscalYear(), asked.round(),
                asked.line(), asked.estimate(), reported.actualCost(), funding.request(), at, reported.startsOn(),
                funding.version());
    }

    /**
     * Whether the activity's actual cost went to budget-service: it was funded (a commitment existed) and reported
     * (REPORTED, or CLOSED since), so budget-service's word on spending it is an answer to a report it was sent.
     */
    public static boolean costReported(Activity activity) {
        return activity.fundsCommitted()
                && (activity.state() == ActivityState.REPORTED || activity.state() == ActivityState.CLOSED);
    }

    private ActivityFunding current(Activity activity) {
        return fundings.findForChange(activity.id()).orElseThrow(() -> new IllegalStateException("activity "
                + activity.id() + " is " + activity.state() + " after asking for funding, but has no funding row"));
    }

    /** The event asking budget-service for the funding's current request. */
    static ActivityFundingRequested requested(ActivityFunding funding) {
        Funding asked = funding.asked();
        return new ActivityFundingRequested(funding.activity().toString(), funding.esa(), asked.fiscalYear(),
                asked.round(), asked.line(), asked.estimate(), funding.request(), funding.requestedAt(),
                funding.version());
    }
}
