package th.tambon.events.activity.application;

import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.events.ActivityChanged;
import th.tambon.events.activity.infrastructure.ActivityStepRepository;
import th.tambon.events.activity.infrastructure.ActivityStepRow;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * What every change of an activity leaves behind, in the change's transaction: a history row (who, when, why), the
 * {@code activity.changed.v1} event on events.v1 and, for a person's change, the audit entry.
 */
@Singleton
public class ActivityEvents {
    /** The subject history rows name when budget-service's reply moved the activity. */
    public static final String BUDGET_SERVICE = "budget-service";

    private final ActivityStepRepository steps;
    private final Outbox outbox;
    private final AuditTrail audit;

    public ActivityEvents(ActivityStepRepository steps, Outbox outbox, AuditTrail audit) {
        this.steps = steps;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** A person's change: history, event and audit entry. */
    public Activity recorded(Activity activity, String change, Instant at, Actor actor, String command) {
        ActivityChanged event = announced(activity, change, at, actor.subject());
        audit.record(actor, command, "activity", activity.id().toString(), event);
        return activity;
    }

    /** A change that came from another service (budget-service's reply): history and event, no audit entry. */
    public Activity recordedFrom(String service, Activity activity, String change, Instant at) {
        return recordedFrom(service, activity, change, null, at);
    }

    /** {@link #recordedFrom(String, Activity, String, Instant)} with the other service's reason code (a rejection's). */
    public Activity recordedFrom(String service, Activity activity, String change, String reasonCode, Instant at) {
        announced(activity, change, reasonCode, at, service);
        return activity;
    }

    /**
     * A person's step that leaves the activity as it is (asking budget-service again): a history row naming
     * {@code change} and the audit entry, but no {@code activity.changed.v1}, since the activity and its version stay.
     */
    public void noted(Activity activity, String change, String reason, Instant at, Actor actor, String command,
                      Object auditChange) {
        steps.save(new ActivityStepRow(UUID.randomUUID(), activity.id(), activity.state().name(), change, reason, at,
                actor.subject(), null));
        audit.record(actor, command, "activity", activity.id().toString(), auditChange);
    }

    /**
     * Another service's word about the activity that leaves it as it is (budget-service recorded or refused its cost,
     * released or carried over its commitment): a history row naming {@code change} with the service's reason (and its
     * reason code), no {@code activity.changed.v1} since the activity and its version stay, no audit entry.
     */
    public void notedFrom(String service, Activity activity, String change, String reason, String reasonCode,
                          Instant at) {
        steps.save(new ActivityStepRow(UUID.randomUUID(), activity.id(), activity.state().name(), change, reason, at,
                service, reasonCode));
    }

    private ActivityChanged announced(Activity activity, String change, Instant at, String by) {
        return announced(activity, change, null, at, by);
    }

    private ActivityChanged announced(Activity activity, String change, String reasonCode, Instant at, String by) {
        steps.save(new ActivityStepRow(UUID.randomUUID(), activity.id(), activity.state().name(), change,
                activity.reason(), at, by, reasonCode));
        ActivityChanged event = event(activity, change, reasonCode, at);
        outbox.append(event, at);
        return event;
    }

    static ActivityChanged event(Activity activity, String change, String reasonCode, Instant at) {
        ActivityDetails d = activity.details();
        return new ActivityChanged(activity.id().toString(), activity.esa(), activity.ref(), d.type().name(),
                d.titleTh(), d.tracks().stream().map(Enum::name).toList(), d.venueSchool(), d.venue(), d.organiser(),
                d.chair(), d.chairTitle(), d.start(), d.end(), activity.startsOn(), activity.academicYear(),
                d.agenda(), d.funding() == null ? null : new ActivityChanged.Funding(d.funding().fiscalYear(),
                d.funding().round(), d.funding().line(), d.funding().estimate()), activity.actualCost(),
                activity.state().name(), change, activity.reason(), reasonCode, at, activity.version());
    }
}
