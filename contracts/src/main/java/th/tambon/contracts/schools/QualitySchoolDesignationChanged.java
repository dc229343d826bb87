package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school's quality-school designation took a step: NOMINATED, DESIGNATED, ACTIVE or WITHDRAWN. Carries the
 * designation's whole state after the step. A school has at most one designation that is not withdrawn, and a tambon
 * at most one ACTIVE quality school at any date. Key: {@code school}, so a school's steps arrive in order.
 *
 * @param school      SMIS code of the school
 * @param designation id of the designation (a school withdrawn and nominated again has a new one)
 * @param status      the status this step reached
 * @param on          the date the step took effect (Asia/Bangkok calendar date)
 * @param reason      why, as recorded with the step; may be null except for a withdrawal
 * @param activeFrom  from which date the school is an active quality school; null until ACTIVE
 * @param withdrawnOn from which date it no longer is; null unless WITHDRAWN
 * @param changedAt   when the step was recorded
 * @param version     the school's version after this step (designation steps count as changes of the school)
 */
public record QualitySchoolDesignationChanged(
        String school,
        String esa,
        String tambonCode,
        String designation,
        String status,
        LocalDate on,
        String reason,
        LocalDate nominatedOn,
        LocalDate designatedOn,
        LocalDate activeFrom,
        LocalDate withdrawnOn,
        Instant changedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return school;
    }
}
