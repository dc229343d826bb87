package th.tambon.events.activity.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.http.IfMatch;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Step;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An officer of the activity's ESA (or OBEC) moves it on: plans it (through the funding saga when it has funding),
 * holds, reports and closes it, cancels it with a reason, or takes a rejected one back to a draft. An illegal move is
 * refused naming the allowed ones. One transaction per move: the activity, its history row, the event, the audit, and
 * what the move sets off ({@link FollowingMoves}: the funding saga's events).
 */
@Singleton
public class MovingActivities {
    private final Activities activities;
    private final ActivityEvents events;
    private final Clock clock;
    private final List<FollowingMoves> followers;

    public MovingActivities(Activities activities, ActivityEvents events, Clock clock, List<FollowingMoves> followers) {
        this.activities = activities;
        this.events = events;
        this.clock = clock;
        this.followers = followers;
    }

    @Transactional
    public Outcome<Activity> moveTo(UUID id, ActivityState next, String reason, BigDecimal actualCost, IfMatch ifMatch,
                                    Actor actor) {
        var found = activities.findForChange(id);
        if (found.isEmpty()) {
            return PlanningActivities.notFound(id);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " moves its activities on");
        }
        if (Outcome.stale(ifMatch, activity.version())) {
            return Outcome.stale("The activity", activity.version(), ifMatch);
        }
        Step<Activity> step = activity.moveTo(next, reason, actualCost, Bangkok.today(clock));
        if (!step.taken()) {
            return step.rejection();
        }
        Activity moved = step.result();
        Instant now = Bangkok.now(clock);
        activities.update(moved, now);
        events.recorded(moved, moved.state().name(), now, actor, command(moved.state()));
        followers.forEach(follower -> follower.moved(activity, moved, now, actor));
        return Outcome.done(moved);
    }

    private static String command(ActivityState state) {
        return switch (state) {
            case PLANNED -> "PlanActivity";
            case FUNDING_REQUESTED -> "PlanActivityWithFunding";
            case HELD -> "HoldActivity";
            case REPORTED -> "ReportActivity";
            case CLOSED -> "CloseActivity";
            case CANCELLED -> "CancelActivity";
            case DRAFT -> "RedraftActivity";
            case FUNDED, FUNDING_REJECTED -> throw new IllegalStateException(state + " is budget-service's reply");
        };
    }
}
