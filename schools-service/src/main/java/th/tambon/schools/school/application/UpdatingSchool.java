package th.tambon.schools.school.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.SchoolUpdated;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.security.Actor;

import java.time.Clock;

/**
 * Changes a school's details, announces {@code SchoolUpdated} and audits it, in one transaction; an update that
 * changes nothing stores, announces and audits nothing (so a client may repeat it). Only OBEC, an officer of the
 * school's ESA or the school's own director may.
 */
@Singleton
public class UpdatingSchool {
    private final SchoolRepository schools;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdatingSchool(SchoolRepository schools, Outbox outbox, AuditTrail audit, Clock clock) {
        this.schools = schools;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Changed<School>> update(UpdateSchool command, Actor actor) {
        var found = schools.findForChange(command.code());
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "code", "No school with SMIS code " + command.code());
        }
        School school = found.get();
        if (!actor.mayWriteForSchool(school.esa(), school.code())) {
            return Outcome.forbidden("Only OBEC, an officer of " + school.esa() + " or the school's director may change "
                    + school.code());
        }
        if (Outcome.stale(command.ifMatch(), school.version())) {
            return Outcome.stale("School " + school.code(), school.version(), command.ifMatch());
        }
        School changed = school.with(command.details(), Bangkok.now(clock));
        if (changed == school) {
            return Outcome.done(Changed.no(school));
        }
        schools.save(changed);
        var updated = new SchoolUpdated(changed.code(), changed.nameTh(), changed.nameEn(), changed.esa(),
                changed.province(), changed.district(), changed.tambon(), changed.tambonCode(), changed.director(),
                changed.students(), changed.teachers(), changed.registeredAt(), changed.updatedAt(), changed.version());
        outbox.append(updated, changed.updatedAt());
        audit.record(actor, "UpdateSchool", "school", changed.code(), updated);
        return Outcome.done(Changed.yes(changed));
    }
}
