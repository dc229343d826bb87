package th.tambon.events.work.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.events.work.infrastructure.ForwardingRepository;
import th.tambon.events.work.infrastructure.ForwardingRow;
import th.tambon.events.work.infrastructure.Works;
import th.tambon.events.work.model.Forwarding;
import th.tambon.events.work.model.Work;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An ESA forwards its selected works to OBEC with one letter: all the works of the batch or none. Every work is locked
 * (in id order) before any is judged, so a concurrent selection or forwarding waits and then meets the outcome. One
 * transaction: the forwarding, each work FORWARDED with its history row and {@code work.changed.v1}, one audit entry.
 */
@Singleton
public class ForwardingWorks {
    private final Works works;
    private final ForwardingRepository forwardings;
    private final WorkEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public ForwardingWorks(Works works, ForwardingRepository forwardings, WorkEvents events, AuditTrail audit,
                           Clock clock) {
        this.works = works;
        this.forwardings = forwardings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Forwarding> forward(String esa, String documentRef, LocalDate sentOn, List<UUID> workIds,
                                       Actor actor) {
        if (!actor.mayWriteWithinEsa(esa)) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa + " forwards its works to OBEC");
        }
        Forwarding forwarding = new Forwarding(UUID.randomUUID(), esa, documentRef, sentOn, workIds);
        Step<List<Work>> step = forwarding.forward(works.findAllForChange(workIds), Bangkok.today(clock));
        if (!step.taken()) {
            return step.rejection();
        }
        Instant now = Bangkok.now(clock);
        forwardings.save(new ForwardingRow(forwarding.id(), esa, documentRef, sentOn, now, actor.subject()));
        List<Work> forwarded = step.result();
        for (int i = 0; i < forwarded.size(); i++) {
            works.updateForwarded(forwarded.get(i), i, now);
            events.announced(forwarded.get(i), forwarding, now, now, actor.subject());
        }
        audit.record(actor, "ForwardWorks", "work-forwarding", forwarding.id().toString(), Map.of(
                "esa", esa, "documentRef", documentRef, "sentOn", sentOn.toString(),
                "works", workIds.stream().map(UUID::toString).toList()));
        return Outcome.done(forwarding);
    }
}
