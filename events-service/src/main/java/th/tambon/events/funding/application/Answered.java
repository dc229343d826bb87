package th.tambon.events.funding.application;

import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.funding.application.TakingBudgetReplies.Taken;
import th.tambon.events.funding.infrastructure.Fundings;
import th.tambon.events.funding.model.ActivityFunding;
import th.tambon.events.funding.model.ActivityFunding.Answer;

import java.util.UUID;

/**
 * The activity and its funding that an answer of budget-service names, both rows locked (the activity's first, as every
 * change of the two takes them), or, when there is none to judge it by, the verdict: poison.
 */
record Answered(Activity activity, ActivityFunding funding, Taken unknown) {
    static Answered lookUp(Activities activities, Fundings fundings, String activityId, Integer request) {
        UUID id;
        try {
            id = UUID.fromString(activityId);
        } catch (IllegalArgumentException e) {
            return unknown(Answer.UNKNOWN_ACTIVITY, "activity " + activityId + " is not an activity id");
        }
        var activity = activities.findForChange(id);
        if (activity.isEmpty()) {
            return unknown(Answer.UNKNOWN_ACTIVITY, "events-service has no activity " + activityId);
        }
        if (request == null) {
            return unknown(Answer.UNKNOWN_REQUEST, "the answer about activity " + id + " names no request");
        }
        var funding = fundings.findForChange(id);
        if (funding.isEmpty()) {
            return unknown(Answer.UNKNOWN_REQUEST, "activity " + id + " never asked for funding, yet the answer "
                    + "names its request " + request);
        }
        return new Answered(activity.get(), funding.get(), null);
    }

    private static Answered unknown(Answer answer, String why) {
        return new Answered(null, null, new Taken(answer, why));
    }

    boolean found() {
        return unknown == null;
    }
}
