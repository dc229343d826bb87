package th.tambon.events.funding.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.events.activity.application.ActivityEvents;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator (OBEC or an officer of the activity's ESA) reports a funded activity's cost to budget-service again after
 * budget-service refused to record it (the line could not cover it, say, until a transfer made room): the same request,
 * actual cost and day spent, published once more as {@code activity.cost-reported.v1} with the funding's next version
 * and a new {@code reportedAt}; budget-service records it or refuses it again, and the activity's view shows which. The
 * activity does not change (no {@code activity.changed.v1}, its version stays); its history says COST_REPORTED_AGAIN,
 * the audit trail who. Only for an activity REPORTED or CLOSED, funded, and whose cost budget-service's last word
 * refused: otherwise a 409 naming why.
 */
@Singleton
public class ReportingCostAgain {
    /** The history's name for it. */
    public static final String CHANGE = "COST_REPORTED_AGAIN";

    private final Activities activities;
    private final Fundings fundings;
    private final ActivityEvents events;
    private final Outbox outbox;
    private final Clock clock;

    public ReportingCostAgain(Activities activities, Fundings fundings, ActivityEvents events, Outbox outbox,
                              Clock clock) {
        this.activities = activities;
        this.fundings = fundings;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Outcome<ActivityCostReported> reportAgain(UUID id, Actor actor) {
        var found = activities.findForChange(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + id);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " reports its cost again");
        }
        if (activity.state() != ActivityState.REPORTED && activity.state() != ActivityState.CLOSED) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "state", "state: activity " + id + " is "
                    + activity.state() + "; only a REPORTED or CLOSED activity reports its cost again");
        }
        var funding = fundings.findForChange(id);
        if (!activity.fundsCommitted() || funding.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "funding", "funding: activity " + id + " was not "
                    + "funded (budget-service committed nothing for it), so it has no cost to report to budget-service");
        }
        ActivityFunding current = funding.get();
        if (!current.spendingRefused()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "spending", "spending: budget-service "
                    + (current.spending() == null ? "has not answered the report of activity " + id + "'s cost yet"
                    : "recorded activity " + id + "'s cost already (" + current.spending().message() + ")")
                    + "; only a cost it refused is reported again");
        }
        Instant now = Bangkok.now(clock);
        ActivityFunding again = current.announced();
        fundings.store(again, now);
        ActivityCostReported event = RequestingFunding.costReport(activity, again, now);
        outbox.append(event, now);
        events.noted(activity, CHANGE, "cost of " + TakingSpendingAnswers.baht(activity.actualCost()) + " baht of "
                + "request " + again.request() + " reported again after budget-service refused it ("
                + current.spending().reasonCode() + ")", now, actor, "ReportCostAgain", event);
        return Outcome.done(event);
    }
}
