package th.tambon.events.work.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.Track;
import th.tambon.events.work.infrastructure.Works;
import th.tambon.events.work.model.PresenterCategory;
import th.tambon.events.work.model.Work;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Recording a work a school presented at an activity of its ESA, by an officer of the ESA or OBEC, once the activity
 * has taken place (HELD or REPORTED). The activity's row is locked while the work is recorded, so it cannot be closed
 * in between. One transaction: the work, its first history row, {@code work.changed.v1} (version 1) and the audit.
 */
@Singleton
public class PresentingWorks {
    private final Activities activities;
    private final SchoolReplicaRepository schools;
    private final Works works;
    private final WorkEvents events;
    private final Clock clock;

    public PresentingWorks(Activities activities, SchoolReplicaRepository schools, Works works, WorkEvents events,
                           Clock clock) {
        this.activities = activities;
        this.schools = schools;
        this.works = works;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Work> present(UUID activityId, String school, String title, Track track,
                                 PresenterCategory category, String presenter, Actor actor) {
        var found = activities.findForChange(activityId);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + activityId);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " records the works presented "
                    + "at its activities");
        }
        String schoolEsa = schools.findById(school).map(SchoolReplica::esa).orElse(null);
        Step<Work> step = Work.present(UUID.randomUUID(), activity, school, schoolEsa, title, track, category,
                presenter);
        if (!step.taken()) {
            return step.rejection();
        }
        Instant now = Bangkok.now(clock);
        works.insert(step.result(), now);
        return Outcome.done(events.recorded(step.result(), null, null, now, actor, "PresentWork"));
    }
}
