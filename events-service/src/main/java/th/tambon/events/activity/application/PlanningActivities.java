package th.tambon.events.activity.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.http.IfMatch;
import th.tambon.replica.schools.AcademicCalendarReplica;
import th.tambon.replica.schools.EsaReplicaRepository;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Drafting an ESA's activities and changing their details, by an officer of the ESA or OBEC. The venue school must be
 * a school of the activity's ESA as the schools replica knows it; the academic year of the day it starts is the one the
 * replicated academic calendar gives (schools-service announces it on schools.v1), and until the calendar has arrived
 * nothing is drafted or rescheduled (503, try again). Each change, in one transaction: the activity, a
 * history row, {@code activity.changed.v1} and the audit entry; a change that changes nothing stores nothing.
 */
@Singleton
public class PlanningActivities {
    private final Activities activities;
    private final EsaReplicaRepository esas;
    private final SchoolReplicaRepository schools;
    private final AcademicCalendarReplica calendar;
    private final ActivityEvents events;
    private final Clock clock;

    public PlanningActivities(Activities activities, EsaReplicaRepository esas, SchoolReplicaRepository schools,
                              AcademicCalendarReplica calendar, ActivityEvents events, Clock clock) {
        this.activities = activities;
        this.esas = esas;
        this.schools = schools;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Activity> draft(String esa, String ref, ActivityDetails details, Actor actor) {
        if (!actor.mayWriteWithinEsa(esa)) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa + " plans its activities");
        }
        if (!esas.existsById(esa)) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "esa", "No ESA " + esa + " is known to events-service");
        }
        var existing = activities.findByRefForDraft(esa, ref);
        if (existing.isPresent()) {
            return Outcome.rejected(Rejection.Reason.DUPLICATE, "ref", esa + " already has an activity with ref " + ref
                    + " (" + existing.get().id() + ")");
        }
        Outcome<Void> venue = venueOf(esa, details);
        if (venue.rejection() != null) {
            return Outcome.rejected(venue.rejection().reason(), venue.rejection().field(), venue.rejection().message());
        }
        var academicYear = calendar.academicYearOf(Activity.startsOn(details));
        if (academicYear.isEmpty()) {
            return calendarNotYetKnown();
        }
        Step<Activity> step = Activity.draft(UUID.randomUUID(), esa, ref, details, academicYear.get());
        if (!step.taken()) {
            return step.rejection();
        }
        Instant now = Bangkok.now(clock);
        activities.insert(step.result(), now);
        return Outcome.done(events.recorded(step.result(), "DRAFTED", now, actor, "DraftActivity"));
    }

    @Transactional
    public Outcome<Changed<Activity>> revise(UUID id, ActivityDetails details, IfMatch ifMatch, Actor actor) {
        var found = activities.findForChange(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " changes its activities");
        }
        if (Outcome.stale(ifMatch, activity.version())) {
            return Outcome.stale("The activity", activity.version(), ifMatch);
        }
        var academicYear = calendar.academicYearOf(Activity.startsOn(details));
        if (academicYear.isEmpty()) {
            return calendarNotYetKnown();
        }
        Step<Activity> step = activity.revise(details, academicYear.get());
        if (!step.taken()) {
            return step.rejection();
        }
        if (activity.details().sameAs(details)) {
            return Outcome.done(Changed.no(activity));
        }
        Outcome<Void> venue = venueOf(activity.esa(), details);
        if (venue.rejection() != null) {
            return Outcome.rejected(venue.rejection().reason(), venue.rejection().field(), venue.rejection().message());
        }
        Instant now = Bangkok.now(clock);
        activities.update(step.result(), now);
        return Outcome.done(Changed.yes(events.recorded(step.result(), "REVISED", now, actor, "ReviseActivity")));
    }

    /** A venue school must be a school of the activity's ESA, by the replica. */
    private Outcome<Void> venueOf(String esa, ActivityDetails details) {
        if (details.venueSchool() == null) {
            return Outcome.done(null);
        }
        var school = schools.findById(details.venueSchool());
        if (school.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, "venueSchool", "No school with SMIS code "
                    + details.venueSchool() + " is known to events-service (a school registered a moment ago may "
                    + "not have reached it yet)");
        }
        if (!school.get().esa().equals(esa)) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "venueSchool", "School " + details.venueSchool()
                    + " belongs to " + school.get().esa() + ", not to " + esa);
        }
        return Outcome.done(null);
    }

    private static <T> Outcome<T> calendarNotYetKnown() {
        return Outcome.rejected(Rejection.Reason.NOT_READY, null, "The academic calendar has not reached "
                + "events-service from schools-service yet, so the activity's academic year cannot be told: try again "
                + "in a moment");
    }

    static <T> Outcome<T> notFound(UUID id) {
        return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + id);
    }
}
