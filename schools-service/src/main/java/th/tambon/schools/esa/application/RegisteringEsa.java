package th.tambon.schools.esa.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.Esa;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.security.Actor;
import th.tambon.security.Role;

import java.time.Clock;

/**
 * Registers an ESA, announces {@code EsaRegistered} and records who did it in the audit trail, all in one transaction.
 * ESAs are OBEC's to register.
 */
@Singleton
public class RegisteringEsa {
    private final EsaRepository esas;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public RegisteringEsa(EsaRepository esas, Outbox outbox, AuditTrail audit, Clock clock) {
        this.esas = esas;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Esa> register(RegisterEsa command, Actor actor) {
        if (!actor.is(Role.OBEC_ADMIN)) {
            return Outcome.forbidden("Only OBEC registers ESAs");
        }
        var mismatch = Esa.codeMismatch(command.code(), command.kind(), command.provinceCode(), command.zone());
        if (mismatch.isPresent()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "code", mismatch.get());
        }
        Esa esa = new Esa(command.code(), command.kind(), command.zone(), command.provinceCode(), command.province(),
                command.nameTh(), command.nameEn(), command.director(), Bangkok.now(clock), null,
                1);
        if (!esas.insert(esa)) {
            return Outcome.rejected(Rejection.Reason.DUPLICATE, "code", "ESA " + command.code() + " is already registered");
        }
        var registered = new EsaRegistered(esa.code(), esa.kind().name(), esa.zone(), esa.provinceCode(),
                esa.province(), esa.nameTh(), esa.nameEn(), esa.director(), esa.registeredAt(), esa.version());
        outbox.append(registered, esa.registeredAt());
        audit.record(actor, "RegisterEsa", "esa", esa.code(), registered);
        return Outcome.done(esa);
    }
}
