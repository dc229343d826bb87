package th.tambon.schools.plan.web;

import jakarta.inject.Singleton;
import th.tambon.schools.plan.infrastructure.PlanRepository;
import th.tambon.schools.plan.infrastructure.Plans;

import java.util.List;

/** A school's plans as GET /api/v1/schools/{code}/plans shows them: without their history. */
@Singleton
public class SchoolPlans {
    private final PlanRepository rows;
    private final Plans plans;

    public SchoolPlans(PlanRepository rows, Plans plans) {
        this.rows = rows;
        this.plans = plans;
    }

    /** Every plan of the school, the latest academic year first. */
    public List<PlanView> latestFirst(String school) {
        return plans.of(rows.findBySchoolOrderByAcademicYearDesc(school)).stream().map(plan -> PlanView.of(plan, null))
                .toList();
    }
}
