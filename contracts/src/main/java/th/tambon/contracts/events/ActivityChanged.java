package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An activity of an ESA (a workshop, symposium, PLC, supervision visit…) was drafted, changed or moved on in its
 * lifecycle. Carries the activity's whole state after the change. Key: the activity's id; {@code version} is the
 * activity's own (1 when drafted) and only grows for that key.
 *
 * @param activity     the activity's id (a UUID)
 * @param ref          the ESA's own reference for it, unique within the ESA (an importer's natural key)
 * @param type         WORKSHOP, SYMPOSIUM, PLC, SUPERVISION_VISIT, MEETING, TRAINING or ASSESSMENT
 * @param tracks       the programme tracks it serves, in track order
 * @param venueSchool  the SMIS code of the school it is held at, or null
 * @param venue        where it is held in words, or null
 * @param startsOn     the day it starts in Bangkok
 * @param academicYear the academic year (BE) of that day by the academic calendar schools-service announces, or null
 *                     while the calendar had not reached events-service
 * @param funding      the budget line it is planned on and the estimate, or null when it needs no funding
 * @param actualCost   what it cost, once reported, or null
 * @param state        DRAFT, PLANNED, FUNDING_REQUESTED, FUNDED, FUNDING_REJECTED, HELD, REPORTED, CLOSED or CANCELLED
 * @param change       what happened: DRAFTED, REVISED or the state it moved to
 * @param reason       why (a cancellation's or a rejection's reason), or null
 * @param reasonCode   budget-service's reason for a rejection, for machines (FundingRejected's {@code reason}:
 *                     INSUFFICIENT_BALANCE, FISCAL_YEAR_CLOSED, UNKNOWN_LINE, INVALID_REQUEST) when the change is
 *                     FUNDING_REJECTED, else null
 */
public record ActivityChanged(
        String activity,
        String esa,
        String ref,
        String type,
        String titleTh,
        List<String> tracks,
        String venueSchool,
        String venue,
        String organiser,
        String chair,
        String chairTitle,
        OffsetDateTime start,
        OffsetDateTime end,
        LocalDate startsOn,
        Integer academicYear,
        List<String> agenda,
        Funding funding,
        BigDecimal actualCost,
        String state,
        String change,
        String reason,
        String reasonCode,
        Instant changedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return activity;
    }

    /**
     * The budget line an activity asks budget-service to commit its estimate on.
     *
     * @param fiscalYear the fiscal year (BE)
     * @param round      the allocation round of the ESA in that year
     * @param line       the line within the round
     * @param estimate   the amount in baht, two decimals
     */
    public record Funding(int fiscalYear, int round, int line, BigDecimal estimate) {
    }
}
