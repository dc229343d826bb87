package th.tambon.schools.school.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.security.Actor;

import java.time.Clock;

/**
 * Registers a school under a registered ESA, announces {@code SchoolRegistered} and records who did it in the audit
 * trail, in one transaction. Only OBEC or an officer of that ESA may: the check is against the ESA the school is
 * registered under, not against the caller's URL or claims alone.
 */
@Singleton
public class RegisteringSchool {
    private final SchoolRepository schools;
    private final EsaRepository esas;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public RegisteringSchool(SchoolRepository schools, EsaRepository esas, Outbox outbox, AuditTrail audit, Clock clock) {
        this.schools = schools;
        this.esas = esas;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<School> register(RegisterSchool command, Actor actor) {
        if (!actor.mayWriteWithinEsa(command.esa())) {
            return Outcome.forbidden(actor.esa() == null
                    ? "Only OBEC or an officer of " + command.esa() + " may register its schools"
                    : "An officer of " + actor.esa() + " cannot register a school of " + command.esa());
        }
        var esa = esas.find(command.esa());
        if (esa.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, "esa",
                    "No ESA with code " + command.esa() + " is registered");
        }
        var outside = School.tambonOutsideProvince(command.tambonCode(), command.esa(), esa.get().provinceCode());
        if (outside.isPresent()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "tambonCode", outside.get());
        }
        School school = new School(command.code(), command.nameTh(), command.nameEn(), command.esa(),
                command.province(), command.district(), command.tambon(), command.tambonCode(), command.director(),
                command.students(), command.teachers(), QualityStatus.NONE,
                Bangkok.now(clock), null, 1);
        if (!schools.insert(school)) {
            return Outcome.rejected(Rejection.Reason.DUPLICATE, "code",
                    "School " + command.code() + " is already registered");
        }
        var registered = new SchoolRegistered(school.code(), school.nameTh(), school.nameEn(), school.esa(),
                school.province(), school.district(), school.tambon(), school.tambonCode(), school.director(),
                school.students(), school.teachers(), school.registeredAt(), school.version());
        outbox.append(registered, school.registeredAt());
        audit.record(actor, "RegisterSchool", "school", school.code(), registered);
        return Outcome.done(school);
    }
}
