package th.tambon.schools.plan.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.schools.plan.model.DevelopmentPlan;
import th.tambon.schools.plan.model.PlanStatus;
import th.tambon.schools.plan.model.Target;
import th.tambon.schools.plan.model.Track;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Development plans as the rest of the service sees them: a {@code development_plan} row with its target rows. */
@Singleton
public class Plans {
    private final PlanRepository plans;
    private final PlanTargetRepository targets;

    public Plans(PlanRepository plans, PlanTargetRepository targets) {
        this.plans = plans;
        this.targets = targets;
    }

    /** The plan of that school and year, its row locked until the transaction ends. */
    public Optional<DevelopmentPlan> findForChange(String school, int academicYear) {
        return plans.lockBySchoolAndAcademicYear(school, academicYear).map(row -> plan(row, targets.findByPlan(row.id())));
    }

    public Optional<DevelopmentPlan> find(String school, int academicYear) {
        return plans.findBySchoolAndAcademicYear(school, academicYear).map(row -> plan(row, targets.findByPlan(row.id())));
    }

    /** The plans of these rows, in their order, their targets read in one query. */
    public List<DevelopmentPlan> of(List<PlanRow> rows) {
        Map<UUID, List<PlanTargetRow>> byPlan = rows.isEmpty() ? Map.of()
                : targets.findByPlanIn(rows.stream().map(PlanRow::id).toList()).stream()
                .collect(Collectors.groupingBy(PlanTargetRow::plan));
        return rows.stream().map(row -> plan(row, byPlan.getOrDefault(row.id(), List.of()))).toList();
    }

    /** Inserts a new plan with its targets. */
    public void insert(DevelopmentPlan plan, Instant at) {
        plans.save(new PlanRow(plan.id(), plan.school(), plan.esa(), plan.academicYear(), plan.status().name(),
                plan.returnReason(), at, at, plan.version()));
        insertTargets(plan);
    }

    /** Stores a changed plan read with {@link #findForChange}, replacing its targets when they changed. */
    public void update(DevelopmentPlan plan, Instant at, boolean targetsChanged) {
        plans.update(plan.id(), plan.status().name(), plan.returnReason(), at, plan.version());
        if (targetsChanged) {
            targets.deleteByPlan(plan.id());
            insertTargets(plan);
        }
    }

    private void insertTargets(DevelopmentPlan plan) {
        for (Target target : plan.targets()) {
            targets.save(new PlanTargetRow(UUID.randomUUID(), plan.id(), target.track().name(), target.goal(),
                    target.indicator()));
        }
    }

    private static DevelopmentPlan plan(PlanRow row, List<PlanTargetRow> rows) {
        return new DevelopmentPlan(row.id(), row.school(), row.esa(), row.academicYear(),
                PlanStatus.valueOf(row.status()),
                rows.stream().map(t -> new Target(Track.valueOf(t.track()), t.goal(), t.indicator()))
                        .sorted(Comparator.comparing(Target::track)).toList(),
                row.returnReason(), row.version());
    }
}
