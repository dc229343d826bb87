package th.tambon.events.work.model;

import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.activity.model.Track;
import th.tambon.service.Step;

import java.util.Objects;
import java.util.UUID;

/**
 * An outstanding work (ผลงานดีเด่น) a school presented at one of its ESA's activities: what it is, who presented it,
 * the ESA's decision on it and, once forwarded to OBEC, the forwarding that took it there. Its version is its own: 1
 * when presented, one more with each change.
 *
 * @param esa        the activity's ESA: the one that selects and forwards it
 * @param school     SMIS code of the school it comes from, a school of that ESA
 * @param presenter  who presented it (a name), or null
 * @param note       the ESA's note on its decision, or null
 * @param forwarding the forwarding that took it to OBEC, once FORWARDED; else null
 */
public record Work(UUID id, UUID activity, String esa, String school, String title, Track track,
                   PresenterCategory presenterCategory, String presenter, WorkStatus status, String note,
                   UUID forwarding, long version) {
    public Work {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(presenterCategory, "presenterCategory");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A work presented at {@code at}, which must have taken place and not be closed yet (HELD or REPORTED), from a
     * school of the activity's ESA ({@code schoolEsa} is the school's ESA by the replica, null when it is unknown).
     */
    public static Step<Work> present(UUID id, Activity at, String school, String schoolEsa, String title, Track track,
                                     PresenterCategory category, String presenter) {
        if (at.state() != ActivityState.HELD && at.state() != ActivityState.REPORTED) {
            return Step.illegal("activity", "works are presented at an activity that is HELD or REPORTED; this one is "
                    + at.state());
        }
        if (schoolEsa == null) {
            return Step.refused("school", "no school with SMIS code " + school + " is known to events-service (a "
                    + "school registered a moment ago may not have reached it yet)");
        }
        if (!schoolEsa.equals(at.esa())) {
            return Step.refused("school", "school " + school + " belongs to " + schoolEsa + ", not to " + at.esa()
                    + ", whose activity this is");
        }
        return Step.to(new Work(id, at.id(), at.esa(), school, title, track, category, presenter,
                WorkStatus.PRESENTED, null, null, 1));
    }

    /** The work after the ESA's decision: selected or not, with its note. Decided again as often as needed, until forwarded. */
    public Step<Work> decide(boolean selected, String why) {
        if (status == WorkStatus.FORWARDED) {
            return Step.illegal("selected", "the work was forwarded to OBEC (forwarding " + forwarding + "): its "
                    + "selection cannot change any more");
        }
        return Step.to(new Work(id, activity, esa, school, title, track, presenterCategory, presenter,
                WorkStatus.decided(selected), why, null, version + 1));
    }

    /** Whether the work already stands as this decision would leave it. */
    public boolean decidedAs(boolean selected, String why) {
        return status == WorkStatus.decided(selected) && Objects.equals(note, why);
    }

    /** The work forwarded to OBEC in {@code by}: only a SELECTED work, once. */
    public Step<Work> forwardedIn(UUID by) {
        if (status == WorkStatus.FORWARDED) {
            return Step.illegal("status", "work " + id + " was forwarded already (forwarding " + forwarding + ")");
        }
        if (status != WorkStatus.SELECTED) {
            return Step.illegal("status", "work " + id + " is " + status + ": only SELECTED works are forwarded");
        }
        return Step.to(new Work(id, activity, esa, school, title, track, presenterCategory, presenter,
                WorkStatus.FORWARDED, note, by, version + 1));
    }
}
