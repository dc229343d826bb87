package th.tambon.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type Tambon publishes: its CloudEvents {@code type}, the topic that carries it, the Java record
 * of its data and the JSON Schema that describes that data. Types only grow: a breaking change is a new
 * {@code .v2} type published beside the old one.
 */
public enum EventType {
    ESA_REGISTERED("th.tambon.esa.registered.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.EsaRegistered.class, "esa-registered.v1.json"),
    SCHOOL_REGISTERED("th.tambon.school.registered.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.SchoolRegistered.class, "school-registered.v1.json"),
    ESA_UPDATED("th.tambon.esa.updated.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.EsaUpdated.class, "esa-updated.v1.json"),
    SCHOOL_UPDATED("th.tambon.school.updated.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.SchoolUpdated.class, "school-updated.v1.json"),
    QUALITY_SCHOOL_DESIGNATION_CHANGED("th.tambon.school.designation-changed.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.QualitySchoolDesignationChanged.class,
            "quality-school-designation-changed.v1.json"),
    NETWORK_CHANGED("th.tambon.network.changed.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.NetworkChanged.class, "network-changed.v1.json"),
    DEVELOPMENT_PLAN_CHANGED("th.tambon.school.plan-changed.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.DevelopmentPlanChanged.class, "development-plan-changed.v1.json"),
    ACADEMIC_CALENDAR_CHANGED("th.tambon.academic-calendar.changed.v1", Topics.SCHOOLS_V1,
            th.tambon.contracts.schools.AcademicCalendarChanged.class, "academic-calendar-changed.v1.json"),
    ACTIVITY_CHANGED("th.tambon.activity.changed.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ActivityChanged.class, "activity-changed.v1.json"),
    WORK_CHANGED("th.tambon.work.changed.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.WorkChanged.class, "work-changed.v1.json"),
    ITA_RESULT_RECORDED("th.tambon.ita.result-recorded.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ItaResultRecorded.class, "ita-result-recorded.v1.json"),
    ACTIVITY_FUNDING_REQUESTED("th.tambon.activity.funding-requested.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ActivityFundingRequested.class, "activity-funding-requested.v1.json"),
    ACTIVITY_COST_REPORTED("th.tambon.activity.cost-reported.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ActivityCostReported.class, "activity-cost-reported.v1.json"),
    ACTIVITY_FUNDING_RELEASED("th.tambon.activity.funding-released.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ActivityFundingReleased.class, "activity-funding-released.v1.json"),
    FUNDS_COMMITTED("th.tambon.budget.funds-committed.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.FundsCommitted.class, "funds-committed.v1.json"),
    FUNDING_REJECTED("th.tambon.budget.funding-rejected.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.FundingRejected.class, "funding-rejected.v1.json"),
    ALLOCATION_ROUND_CHANGED("th.tambon.budget.allocation-round-changed.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.AllocationRoundChanged.class, "allocation-round-changed.v1.json"),
    FUNDS_TRANSFERRED("th.tambon.budget.funds-transferred.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.FundsTransferred.class, "funds-transferred.v1.json"),
    EXPENDITURE_RECORDED("th.tambon.budget.expenditure-recorded.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.ExpenditureRecorded.class, "expenditure-recorded.v1.json"),
    EXPENDITURE_REFUSED("th.tambon.budget.expenditure-refused.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.ExpenditureRefused.class, "expenditure-refused.v1.json"),
    COMMITMENT_RELEASED("th.tambon.budget.commitment-released.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.CommitmentReleased.class, "commitment-released.v1.json"),
    COMMITMENT_CARRIED_OVER("th.tambon.budget.commitment-carried-over.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.CommitmentCarriedOver.class, "commitment-carried-over.v1.json"),
    FISCAL_YEAR_CLOSED("th.tambon.budget.fiscal-year-closed.v1", Topics.BUDGET_V1,
            th.tambon.contracts.budget.FiscalYearClosed.class, "fiscal-year-closed.v1.json"),
    PARTICIPATION_RECORDED("th.tambon.activity.participation-recorded.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.ParticipationRecorded.class, "participation-recorded.v1.json"),
    CERTIFICATE_AWARDED("th.tambon.certificate.awarded.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.CertificateAwarded.class, "certificate-awarded.v1.json"),
    CERTIFICATE_REVOKED("th.tambon.certificate.revoked.v1", Topics.EVENTS_V1,
            th.tambon.contracts.events.CertificateRevoked.class, "certificate-revoked.v1.json");

    private static final String SCHEMA_FOLDER = "/th/tambon/contracts/schemas/";

    private final String ceType;
    private final String topic;
    private final Class<? extends EventData> dataClass;
    private final String schemaFile;

    EventType(String ceType, String topic, Class<? extends EventData> dataClass, String schemaFile) {
        this.ceType = ceType;
        this.topic = topic;
        this.dataClass = dataClass;
        this.schemaFile = schemaFile;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    /** Classpath resource of the JSON Schema for this type's data. */
    public String schemaResource() {
        return SCHEMA_FOLDER + schemaFile;
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends EventData> dataClass) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass.equals(dataClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a contract event: " + dataClass.getName()));
    }
}
