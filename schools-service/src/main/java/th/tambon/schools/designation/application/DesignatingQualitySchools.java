package th.tambon.schools.designation.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.QualitySchoolDesignationChanged;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.designation.infrastructure.DesignationRepository;
import th.tambon.schools.designation.infrastructure.DesignationStepRepository;
import th.tambon.schools.designation.infrastructure.DesignationStepRow;
import th.tambon.schools.designation.model.Designation;
import th.tambon.schools.designation.model.DesignationStatus;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.network.application.RemovingFromNetworks;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;
import th.tambon.security.Actor;
import th.tambon.security.Role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes quality-school designations through their steps. Each step, in one transaction: the designation and its
 * history row, the school's quality status and version, {@code QualitySchoolDesignationChanged} on schools.v1, and
 * the audit entry; a school that stops being ACTIVE then also leaves its ESA's network ({@link RemovingFromNetworks}),
 * its network change appended and audited after the step. An officer of the school's ESA (or OBEC) nominates; OBEC
 * designates, activates and withdraws, and records designations already in force with their historical dates.
 */
@Singleton
public class DesignatingQualitySchools {
    private final SchoolRepository schools;
    private final DesignationRepository designations;
    private final DesignationStepRepository steps;
    private final RemovingFromNetworks networks;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public DesignatingQualitySchools(SchoolRepository schools, DesignationRepository designations,
                                     DesignationStepRepository steps, RemovingFromNetworks networks, Outbox outbox,
                                     AuditTrail audit, Clock clock) {
        this.schools = schools;
        this.designations = designations;
        this.steps = steps;
        this.networks = networks;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Designation> nominate(String schoolCode, LocalDate on, String reason, Actor actor) {
        var school = schools.findForChange(schoolCode);
        if (school.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "school", "No school with SMIS code " + schoolCode);
        }
        if (!actor.mayWriteWithinEsa(school.get().esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + school.get().esa() + " may nominate its schools");
        }
        var open = refusedWhileOpen(schoolCode);
        if (open.isPresent()) {
            return open.get();
        }
        var step = Designation.nominate(UUID.randomUUID(), schoolCode, school.get().esa(), school.get().tambonCode(),
                on, today(), designations.latestWithdrawal(schoolCode));
        return record(school.get(), step, null, on, reason, actor, "NominateQualitySchool");
    }

    @Transactional
    public Outcome<Designation> recordInForce(String schoolCode, LocalDate nominatedOn, LocalDate designatedOn,
                                              LocalDate activeFrom, String reason, Actor actor) {
        if (!actor.is(Role.OBEC_ADMIN)) {
            return Outcome.forbidden("Only OBEC records a designation already in force");
        }
        var school = schools.findForChange(schoolCode);
        if (school.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "school", "No school with SMIS code " + schoolCode);
        }
        var open = refusedWhileOpen(schoolCode);
        if (open.isPresent()) {
            return open.get();
        }
        var step = Designation.inForce(UUID.randomUUID(), schoolCode, school.get().esa(), school.get().tambonCode(),
                nominatedOn, designatedOn, activeFrom, today(), designations.latestWithdrawal(schoolCode));
        return record(school.get(), step, null, activeFrom, reason, actor, "RecordQualitySchoolInForce");
    }

    @Transactional
    public Outcome<Designation> advance(String schoolCode, UUID designationId, DesignationStatus next, LocalDate on,
                                        String reason, Actor actor) {
        if (!actor.is(Role.OBEC_ADMIN)) {
            return Outcome.forbidden("Only OBEC designates, activates and withdraws quality schools");
        }
        // any step may end the school's ACTIVE status and take it out of its ESA's network, which locks the ESA's row:
        // every step locks it first, before the school's, in the order a network being set takes them
        // (RemovingFromNetworks), so no step can take them the other way round
        schools.find(schoolCode).ifPresent(unlocked -> networks.holdEsa(unlocked.esa()));
        var school = schools.findForChange(schoolCode);
        var row = designations.findById(designationId).filter(d -> d.school().equals(schoolCode));
        if (school.isEmpty() || row.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "designation",
                    "School " + schoolCode + " has no designation " + designationId);
        }
        var step = row.get().toDesignation().advance(next, on, reason, today());
        return record(school.get(), step, row.get().createdAt(), on, reason, actor, switch (next) {
            case DESIGNATED -> "DesignateQualitySchool";
            case ACTIVE -> "ActivateQualitySchool";
            case WITHDRAWN -> "WithdrawQualitySchool";
            case NOMINATED -> "NominateQualitySchool";
        });
    }

    /** A new designation's refusal while the school has one that is not withdrawn; empty when it has none. */
    private Optional<Outcome<Designation>> refusedWhileOpen(String schoolCode) {
        return designations.findOpen(schoolCode).map(open -> Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "school",
                "School " + schoolCode + " already has a " + open.status() + " designation (" + open.id()
                        + "); withdraw it first"));
    }

    private Outcome<Designation> record(School school, Step<Designation> step, Instant createdAt, LocalDate on,
                                        String reason, Actor actor, String command) {
        if (!step.taken()) {
            return step.rejection();
        }
        Designation designation = step.result();
        if (designation.activeFrom() != null) {
            designations.lockTambon(designation.tambonCode());
            var overlap = designations.findActiveOverlap(designation.tambonCode(), designation.id(),
                    designation.activeFrom(), designation.withdrawnOn());
            if (overlap.isPresent()) {
                var other = overlap.get();
                String name = schools.find(other.school()).map(School::nameTh).orElse("");
                return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "tambonCode", "Tambon "
                        + designation.tambonCode() + " already has an active quality school: " + other.school() + " "
                        + name + " (active from " + other.activeFrom()
                        + (other.withdrawnOn() == null ? "" : " to " + other.withdrawnOn()) + ")");
            }
        }
        Instant now = Bangkok.now(clock);
        if (createdAt == null) {
            designations.insert(designation, now);
        } else {
            designations.store(designation, createdAt, now);
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        steps.save(new DesignationStepRow(UUID.randomUUID(), designation.id(), designation.status().name(), on,
                cleanReason, now, actor.subject()));
        School changed = school.afterDesignationStep(designation.status().asQualityStatus(), now);
        schools.save(changed);
        var event = new QualitySchoolDesignationChanged(designation.school(), designation.esa(),
                designation.tambonCode(), designation.id().toString(), designation.status().name(), on, cleanReason,
                designation.nominatedOn(), designation.designatedOn(), designation.activeFrom(),
                designation.withdrawnOn(), now, changed.version());
        outbox.append(event, now);
        audit.record(actor, command, "school", designation.school(), event);
        // the effect after its cause: the network change follows the step in the outbox and in the audit trail
        if (school.qualityStatus() == QualityStatus.ACTIVE && changed.qualityStatus() != QualityStatus.ACTIVE) {
            networks.remove(school.esa(), school.code(), now, actor);
        }
        return Outcome.done(designation);
    }

    private LocalDate today() {
        return Bangkok.today(clock);
    }
}
