package th.tambon.schools.plan.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.DevelopmentPlanChanged;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.calendar.infrastructure.AcademicYearRepository;
import th.tambon.schools.plan.infrastructure.PlanStepRepository;
import th.tambon.schools.plan.infrastructure.PlanStepRow;
import th.tambon.schools.plan.infrastructure.Plans;
import th.tambon.schools.plan.model.DevelopmentPlan;
import th.tambon.schools.plan.model.PlanStatus;
import th.tambon.schools.plan.model.Target;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;
import th.tambon.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Development plans from draft to approval. Each change, in one transaction: the plan and its targets, a history row,
 * {@code DevelopmentPlanChanged} on schools.v1 and the audit entry. The school (its director, an officer of its ESA,
 * or OBEC) drafts, revises and submits; its ESA's officers (or OBEC) approve or return. A change that changes nothing
 * stores and publishes nothing. A change may name the version it is based on (If-Match); approving or returning must,
 * by its ETag ({@code *} is a 428 there).
 */
@Singleton
public class PlanningDevelopment {
    private final SchoolRepository schools;
    private final Plans plans;
    private final PlanStepRepository steps;
    private final AcademicYearRepository academicYears;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public PlanningDevelopment(SchoolRepository schools, Plans plans, PlanStepRepository steps,
                               AcademicYearRepository academicYears, Outbox outbox, AuditTrail audit, Clock clock) {
        this.schools = schools;
        this.plans = plans;
        this.steps = steps;
        this.academicYears = academicYears;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<DevelopmentPlan> draft(String schoolCode, int academicYear, List<Target> targets, Actor actor) {
        // the school's row lock orders two drafts of one school, so the second meets the first's plan
        var school = schools.findForChange(schoolCode);
        if (school.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "school", "No school with SMIS code " + schoolCode);
        }
        String esa = school.get().esa();
        if (!actor.mayWriteForSchool(esa, schoolCode)) {
            return Outcome.forbidden("Only OBEC, an officer of " + esa + " or the school's director may plan for it");
        }
        var existing = plans.find(schoolCode, academicYear);
        if (existing.isPresent()) {
            return Outcome.rejected(Rejection.Reason.DUPLICATE, "academicYear", "School " + schoolCode
                    + " already has a development plan for academic year " + academicYear + " ("
                    + existing.get().status() + "); change that one");
        }
        int current = academicYears.calendar().on(Bangkok.today(clock)).year().be();
        Step<DevelopmentPlan> step = DevelopmentPlan.draft(UUID.randomUUID(), schoolCode, esa, academicYear, targets,
                current);
        if (!step.taken()) {
            return step.rejection();
        }
        Instant now = now();
        plans.insert(step.result(), now);
        return Outcome.done(recorded(step.result(), "DRAFTED", now, actor, "DraftDevelopmentPlan"));
    }

    @Transactional
    public Outcome<Changed<DevelopmentPlan>> revise(String schoolCode, int academicYear, List<Target> targets,
                                                    IfMatch ifMatch, Actor actor) {
        var found = plans.findForChange(schoolCode, academicYear);
        if (found.isEmpty()) {
            return notFound(schoolCode, academicYear);
        }
        DevelopmentPlan plan = found.get();
        if (!actor.mayWriteForSchool(plan.esa(), schoolCode)) {
            return Outcome.forbidden("Only OBEC, an officer of " + plan.esa() + " or the school's director may change "
                    + "its plan");
        }
        if (Outcome.stale(ifMatch, plan.version())) {
            return Outcome.stale("The plan", plan.version(), ifMatch);
        }
        Step<DevelopmentPlan> step = plan.revise(targets);
        if (!step.taken()) {
            return step.rejection();
        }
        // only a plan the school may still change can be "changed to what it is": a submitted one is a 409 either way
        if (plan.hasTargets(targets)) {
            return Outcome.done(Changed.no(plan));
        }
        Instant now = now();
        plans.update(step.result(), now, true);
        return Outcome.done(Changed.yes(recorded(step.result(), "REVISED", now, actor, "ReviseDevelopmentPlan")));
    }

    @Transactional
    public Outcome<DevelopmentPlan> advance(String schoolCode, int academicYear, PlanStatus next, String reason,
                                            IfMatch ifMatch, Actor actor) {
        var found = plans.findForChange(schoolCode, academicYear);
        if (found.isEmpty()) {
            return notFound(schoolCode, academicYear);
        }
        DevelopmentPlan plan = found.get();
        if (DevelopmentPlan.reviewedByEsa(next) ? !actor.mayWriteWithinEsa(plan.esa())
                : !actor.mayWriteForSchool(plan.esa(), schoolCode)) {
            return Outcome.forbidden(DevelopmentPlan.reviewedByEsa(next)
                    ? "Only OBEC or an officer of " + plan.esa() + " approves or returns its schools' plans"
                    : "Only OBEC, an officer of " + plan.esa() + " or the school's director may submit its plan");
        }
        Step<DevelopmentPlan> step = plan.advance(next, reason);
        if (!step.taken()) {
            return step.rejection();
        }
        // the ESA decides on the plan it read: approving or returning must name that version, which * does not
        if (DevelopmentPlan.reviewedByEsa(next) && !ifMatch.namesTags()) {
            return Outcome.preconditionRequired("Approving or returning a plan needs If-Match with the ETag of the plan "
                    + "you read (it is at version " + plan.version() + ")" + (ifMatch.present()
                    ? "; * names no version: name the ETag you read" : ""));
        }
        if (Outcome.stale(ifMatch, plan.version())) {
            return Outcome.stale("The plan", plan.version(), ifMatch);
        }
        Instant now = now();
        plans.update(step.result(), now, false);
        String command = switch (next) {
            case SUBMITTED -> "SubmitDevelopmentPlan";
            case APPROVED -> "ApproveDevelopmentPlan";
            case RETURNED -> "ReturnDevelopmentPlan";
            case DRAFT -> throw new IllegalStateException("nothing becomes DRAFT again");
        };
        return Outcome.done(recorded(step.result(), next.name(), now, actor, command));
    }

    /** The history row, the event and the audit entry of a change already stored. */
    private DevelopmentPlan recorded(DevelopmentPlan plan, String change, Instant now, Actor actor, String command) {
        steps.save(new PlanStepRow(UUID.randomUUID(), plan.id(), plan.status().name(), change,
                plan.status() == PlanStatus.RETURNED && change.equals("RETURNED") ? plan.returnReason() : null,
                now, actor.subject()));
        var event = new DevelopmentPlanChanged(plan.id().toString(), plan.school(), plan.esa(), plan.academicYear(),
                plan.status().name(), change, plan.returnReason(),
                plan.targets().stream().map(t -> new DevelopmentPlanChanged.Target(t.track().name(), t.goal(),
                        t.indicator())).toList(), now, plan.version());
        outbox.append(event, now);
        audit.record(actor, command, "school", plan.school(), event);
        return plan;
    }

    private static <T> Outcome<T> notFound(String school, int academicYear) {
        return Outcome.rejected(Rejection.Reason.NOT_FOUND, "plan", "School " + school
                + " has no development plan for academic year " + academicYear);
    }

    private Instant now() {
        return Bangkok.now(clock);
    }
}
