package th.tambon.schools.esa.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.EsaUpdated;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.Esa;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.security.Actor;

import java.time.Clock;

/**
 * Changes an ESA's names or director, announces {@code EsaUpdated} and audits it, in one transaction; an update that
 * changes nothing stores, announces and audits nothing. OBEC or an officer of that ESA may.
 */
@Singleton
public class UpdatingEsa {
    private final EsaRepository esas;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdatingEsa(EsaRepository esas, Outbox outbox, AuditTrail audit, Clock clock) {
        this.esas = esas;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Changed<Esa>> update(UpdateEsa command, Actor actor) {
        var found = esas.findForChange(command.code());
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "code", "No ESA with code " + command.code());
        }
        Esa esa = found.get();
        if (!actor.mayWriteWithinEsa(esa.code())) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa.code() + " may change it");
        }
        if (Outcome.stale(command.ifMatch(), esa.version())) {
            return Outcome.stale("ESA " + esa.code(), esa.version(), command.ifMatch());
        }
        Esa changed = esa.with(command.details(), Bangkok.now(clock));
        if (changed == esa) {
            return Outcome.done(Changed.no(esa));
        }
        esas.save(changed);
        var updated = new EsaUpdated(changed.code(), changed.kind().name(), changed.zone(), changed.provinceCode(),
                changed.province(), changed.nameTh(), changed.nameEn(), changed.director(), changed.registeredAt(),
                changed.updatedAt(), changed.version());
        outbox.append(updated, changed.updatedAt());
        audit.record(actor, "UpdateEsa", "esa", changed.code(), updated);
        return Outcome.done(Changed.yes(changed));
    }
}
