package th.tambon.schools.designation.web;

import jakarta.inject.Singleton;
import th.tambon.schools.designation.infrastructure.DesignationRepository;
import th.tambon.schools.designation.infrastructure.DesignationStepRepository;
import th.tambon.schools.designation.model.Designation;

import java.util.List;

/** A school's designations as GET /api/v1/schools/{code}/designations shows them, each with its steps. */
@Singleton
public class DesignationHistory {
    private final DesignationRepository designations;
    private final DesignationStepRepository steps;

    public DesignationHistory(DesignationRepository designations, DesignationStepRepository steps) {
        this.designations = designations;
        this.steps = steps;
    }

    /** Every designation of the school, the latest first. */
    public List<DesignationView> latestFirst(String school) {
        return designations.findBySchoolOrderByCreatedAtDesc(school).stream().map(row -> view(row.toDesignation()))
                .toList();
    }

    DesignationView view(Designation designation) {
        return DesignationView.of(designation, steps.findByDesignationOrderByRecordedAt(designation.id()));
    }
}
