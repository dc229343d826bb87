package th.tambon.events.participation.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.events.ParticipationRecorded;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.infrastructure.ActivityStepRepository;
import th.tambon.events.activity.infrastructure.ActivityStepRow;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.participation.infrastructure.Participations;
import th.tambon.events.participation.model.Participation;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An officer of the activity's ESA (or OBEC) records who took part once it was held: counts by role, the total and
 * the ESA's schools that attended (by the schools replica). Participation is part of the activity: with the
 * activity's row locked, in one transaction, it replaces what was recorded, moves the activity to its next version,
 * adds a history row, appends {@code participation-recorded.v1} with that version and the audit entry. The same
 * participation again changes nothing.
 */
@Singleton
public class RecordingParticipation {
    /** The history's name for this change of an activity. */
    public static final String CHANGE = "PARTICIPATION_RECORDED";

    private final Activities activities;
    private final Participations participations;
    private final ActivityStepRepository steps;
    private final SchoolReplicaRepository schools;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordingParticipation(Activities activities, Participations participations, ActivityStepRepository steps,
                                  SchoolReplicaRepository schools, Outbox outbox, AuditTrail audit, Clock clock) {
        this.activities = activities;
        this.participations = participations;
        this.steps = steps;
        this.schools = schools;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The activity (at its version after the command) and its participation as recorded. */
    public record Recorded(Activity activity, Participations.Recorded participation) {
    }

    /**
     * @param byRole  counts keyed by role name; a role left out counts 0
     * @param total   everyone who took part, or null for the sum of the roles
     * @param schools SMIS codes of the schools that attended, as the client listed them (errors name their index)
     */
    @Transactional
    public Outcome<Changed<Recorded>> record(UUID id, Map<String, Integer> byRole, Integer total, List<String> schools,
                                             IfMatch ifMatch, Actor actor) {
        Optional<Activity> found = activities.findForChange(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + id);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " records who took part in its "
                    + "activities");
        }
        if (Outcome.stale(ifMatch, activity.version())) {
            return Outcome.stale("The activity", activity.version(), ifMatch);
        }
        if (activity.state() != ActivityState.HELD && activity.state() != ActivityState.REPORTED) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "state", "Participation is recorded once the "
                    + "activity is HELD or REPORTED; this one is " + activity.state());
        }
        Step<Participation> step = Participation.of(byRole, total, schools);
        if (!step.taken()) {
            return step.rejection();
        }
        Outcome<Void> attended = attendedSchoolsOf(activity.esa(), schools == null ? List.of() : schools);
        if (attended.rejection() != null) {
            return Outcome.rejected(attended.rejection().reason(), attended.rejection().field(),
                    attended.rejection().message());
        }
        Participation participation = step.result();
        Optional<Participations.Recorded> before = participations.find(id);
        if (before.isPresent() && before.get().participation().equals(participation)) {
            return Outcome.done(Changed.no(new Recorded(activity, before.get())));
        }
        Instant now = Bangkok.now(clock);
        Activity changed = nextVersionOf(activity);
        activities.update(changed, now);
        participations.replace(id, participation, now, actor.subject());
        steps.save(new ActivityStepRow(UUID.randomUUID(), id, changed.state().name(), CHANGE, null, now,
                actor.subject(), null));
        ParticipationRecorded event = event(changed, participation, now);
        outbox.append(event, now);
        audit.record(actor, "RecordParticipation", "activity", id.toString(), event);
        return Outcome.done(Changed.yes(new Recorded(changed, new Participations.Recorded(participation, now,
                actor.subject()))));
    }

    /** Every school listed must be a school of the activity's ESA, as the replica knows it. */
    private Outcome<Void> attendedSchoolsOf(String esa, List<String> listed) {
        for (int i = 0; i < listed.size(); i++) {
            String code = listed.get(i);
            String field = "schools[" + i + "]";
            Optional<SchoolReplica> school = schools.findById(code);
            if (school.isEmpty()) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, field, "No school with SMIS code " + code
                        + " is known to events-service (a school registered a moment ago may not have reached it yet)");
            }
            if (!school.get().esa().equals(esa)) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, field, "School " + code + " belongs to "
                        + school.get().esa() + ", not to " + esa);
            }
        }
        return Outcome.done(null);
    }

    /** The activity as it is, one version later: recording participation is a change of the activity. */
    private static Activity nextVersionOf(Activity a) {
        return new Activity(a.id(), a.esa(), a.ref(), a.details(), a.academicYear(), a.state(), a.reason(),
                a.actualCost(), a.fundsCommitted(), a.version() + 1);
    }

    private static ParticipationRecorded event(Activity activity, Participation participation, Instant at) {
        Map<String, Integer> byRole = new LinkedHashMap<>();
        participation.byRole().forEach((role, count) -> byRole.put(role.name(), count));
        return new ParticipationRecorded(activity.id().toString(), activity.esa(), byRole, participation.total(),
                participation.schools(), at, activity.version());
    }
}
