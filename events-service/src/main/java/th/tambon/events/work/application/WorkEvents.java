package th.tambon.events.work.application;

import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.events.WorkChanged;
import th.tambon.events.work.infrastructure.WorkStepRepository;
import th.tambon.events.work.infrastructure.WorkStepRow;
import th.tambon.events.work.model.Forwarding;
import th.tambon.events.work.model.Work;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;

import java.time.Instant;
import java.util.UUID;

/**
 * What every change of a work leaves behind, in the change's transaction: a history row (who, when, why), the
 * {@code work.changed.v1} event on events.v1 (keyed by the work, with its own version) and the audit entry.
 */
@Singleton
public class WorkEvents {
    private final WorkStepRepository steps;
    private final Outbox outbox;
    private final AuditTrail audit;

    public WorkEvents(WorkStepRepository steps, Outbox outbox, AuditTrail audit) {
        this.steps = steps;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * A person's change of one work: history, event and audit entry.
     *
     * @param forwarding the forwarding that took it to OBEC, when it is FORWARDED (else null)
     */
    public Work recorded(Work work, Forwarding forwarding, Instant forwardedAt, Instant at, Actor actor,
                         String command) {
        WorkChanged event = announced(work, forwarding, forwardedAt, at, actor.subject());
        audit.record(actor, command, "work", work.id().toString(), event);
        return work;
    }

    /** History row and event, without an audit entry (a forwarding audits its batch once). */
    public WorkChanged announced(Work work, Forwarding forwarding, Instant forwardedAt, Instant at, String by) {
        steps.save(new WorkStepRow(UUID.randomUUID(), work.id(), work.status().name(), work.note(),
                work.forwarding(), at, by));
        WorkChanged event = event(work, forwarding, forwardedAt, at);
        outbox.append(event, at);
        return event;
    }

    static WorkChanged event(Work work, Forwarding forwarding, Instant forwardedAt, Instant at) {
        return new WorkChanged(work.id().toString(), work.activity().toString(), work.esa(), work.school(),
                work.title(), work.track().name(), work.presenterCategory().name(), work.presenter(),
                work.status().name(), work.note(), forwarding == null ? null
                : new WorkChanged.Forwarding(forwarding.id().toString(), forwarding.documentRef(),
                forwarding.sentOn(), forwardedAt), at, work.version());
    }
}
