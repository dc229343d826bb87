package th.tambon.events.funding.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.events.activity.application.ActivityEvents;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
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
 * An operator (OBEC or an officer of the activity's ESA) asks budget-service again for an activity's funding it has not
 * answered: the same request, its number unchanged, published once more with the funding's next version and a new
 * {@code requestedAt}, so that it is no longer overdue. budget-service answers a request number once and repeats that
 * answer, so asking again never gets an activity funded twice. The activity itself does not change (no
 * {@code activity.changed.v1}, its version stays); its history says FUNDING_REQUESTED_AGAIN, the audit trail who.
 * Only while the activity waits for an answer: otherwise a 409 naming its state. To give up instead, cancel the
 * activity (which releases the request).
 */
@Singleton
public class AskingAgain {
    /** The history's name for it. */
    public static final String CHANGE = "FUNDING_REQUESTED_AGAIN";

    private final Activities activities;
    private final Fundings fundings;
    private final ActivityEvents events;
    private final Outbox outbox;
    private final Clock clock;

    public AskingAgain(Activities activities, Fundings fundings, ActivityEvents events, Outbox outbox, Clock clock) {
        this.activities = activities;
        this.fundings = fundings;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Outcome<ActivityFunding> askAgain(UUID id, Actor actor) {
        var found = activities.findForChange(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + id);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " asks for its funding again");
        }
        if (!activity.awaitsFunding()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "state", "state: activity " + id + " is "
                    + activity.state() + "; only an activity waiting for budget-service's answer (FUNDING_REQUESTED) "
                    + "is asked for its funding again");
        }
        Instant now = Bangkok.now(clock);
        // an activity that was waiting before its funding had a row of its own asks for the first time now
        ActivityFunding again = fundings.findForChange(id).map(funding -> funding.askedAgain(now))
                .orElseGet(() -> ActivityFunding.firstRequest(id, activity.esa(), activity.details().funding(), now));
        fundings.store(again, now);
        ActivityFundingRequested event = RequestingFunding.requested(again);
        outbox.append(event, now);
        events.noted(activity, CHANGE, "request " + again.request() + " asked again", now, actor, "AskForFundingAgain",
                event);
        return Outcome.done(again);
    }
}
