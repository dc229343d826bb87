package th.tambon.messaging.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.SerdeImport;
import th.tambon.contracts.budget.AllocationRoundChanged;
import th.tambon.contracts.budget.FundsTransferred;
import th.tambon.contracts.budget.ExpenditureRecorded;
import th.tambon.contracts.budget.ExpenditureRefused;
import th.tambon.contracts.budget.CommitmentReleased;
import th.tambon.contracts.budget.CommitmentCarriedOver;
import th.tambon.contracts.budget.FiscalYearClosed;
import th.tambon.contracts.budget.FundingRejected;
import th.tambon.contracts.budget.FundsCommitted;
import th.tambon.contracts.events.ActivityChanged;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.events.ItaResultRecorded;
import th.tambon.contracts.events.WorkChanged;
import th.tambon.contracts.events.ActivityCostReported;
import th.tambon.contracts.events.ActivityFundingReleased;
import th.tambon.contracts.events.ActivityFundingRequested;
import th.tambon.contracts.events.CertificateAwarded;
import th.tambon.contracts.events.CertificateRevoked;
import th.tambon.contracts.events.ParticipationRecorded;
import th.tambon.contracts.schools.DevelopmentPlanChanged;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.EsaUpdated;
import th.tambon.contracts.schools.NetworkChanged;
import th.tambon.contracts.schools.QualitySchoolDesignationChanged;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.contracts.schools.SchoolUpdated;

import java.util.List;

/**
 * The contract records stay free of framework annotations; this class gives Micronaut Serde their compile-time
 * introspection. Every {@link th.tambon.contracts.EventType} data class must be listed (a test checks it). Serde leaves
 * empty lists out by default; a list the schema requires is written even when empty, through the mixins below (an
 * activity drafted without tracks or agenda was otherwise refused by its own schema).
 */
@SerdeImport(EsaRegistered.class)
@SerdeImport(SchoolRegistered.class)
@SerdeImport(EsaUpdated.class)
@SerdeImport(SchoolUpdated.class)
@SerdeImport(QualitySchoolDesignationChanged.class)
@SerdeImport(value = NetworkChanged.class, mixin = ContractSerde.NetworkChangedLists.class)
@SerdeImport(DevelopmentPlanChanged.class)
@SerdeImport(DevelopmentPlanChanged.Target.class)
@SerdeImport(value = ActivityChanged.class, mixin = ContractSerde.ActivityChangedLists.class)
@SerdeImport(ActivityChanged.Funding.class)
@SerdeImport(AcademicCalendarChanged.class)
@SerdeImport(AcademicCalendarChanged.DefaultRule.class)
@SerdeImport(AcademicCalendarChanged.RecordedYear.class)
@SerdeImport(WorkChanged.class)
@SerdeImport(WorkChanged.Forwarding.class)
@SerdeImport(ItaResultRecorded.class)
@SerdeImport(ActivityFundingRequested.class)
@SerdeImport(ActivityCostReported.class)
@SerdeImport(ActivityFundingReleased.class)
@SerdeImport(FundsCommitted.class)
@SerdeImport(FundingRejected.class)
@SerdeImport(value = AllocationRoundChanged.class, mixin = ContractSerde.AllocationRoundChangedLists.class)
@SerdeImport(FundsTransferred.class)
@SerdeImport(ExpenditureRecorded.class)
@SerdeImport(ExpenditureRefused.class)
@SerdeImport(CommitmentReleased.class)
@SerdeImport(CommitmentCarriedOver.class)
@SerdeImport(FiscalYearClosed.class)
@SerdeImport(AllocationRoundChanged.Line.class)
@SerdeImport(FundsTransferred.LineRef.class)
@SerdeImport(ParticipationRecorded.class)
@SerdeImport(CertificateAwarded.class)
@SerdeImport(CertificateRevoked.class)
final class ContractSerde {
    private ContractSerde() {
    }

    /** ActivityChanged's required lists, written when empty too. */
    interface ActivityChangedLists {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        List<String> tracks();

        @JsonInclude(JsonInclude.Include.ALWAYS)
        List<String> agenda();
    }

    /** NetworkChanged's required list of members, written when empty too. */
    interface NetworkChangedLists {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        List<String> members();
    }

    /** AllocationRoundChanged's required lines, written when empty too. */
    interface AllocationRoundChangedLists {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        List<AllocationRoundChanged.Line> lines();
    }
}
