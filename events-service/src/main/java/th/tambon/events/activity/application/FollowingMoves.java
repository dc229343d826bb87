package th.tambon.events.activity.application;

import th.tambon.events.activity.model.Activity;
import th.tambon.security.Actor;

import java.time.Instant;

/**
 * What else a person's move of an activity sets off, in the move's transaction, after the activity, its history row
 * and {@code activity.changed.v1} (the funding saga's requests, releases and cost reports: th.tambon.events.funding).
 * Every bean of this type is called for every move; it decides from the two states whether the move concerns it.
 */
public interface FollowingMoves {
    /**
     * @param before the activity as it was, read with its row locked
     * @param after  the activity as the move left it, stored
     * @param at     when the move was recorded
     */
    void moved(Activity before, Activity after, Instant at, Actor actor);
}
