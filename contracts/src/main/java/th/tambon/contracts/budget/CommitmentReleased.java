package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An activity's commitment was released whole, its amount back on the line's remaining balance: the activity was
 * cancelled (or its commitment lapsed at year end). Key and {@code version} as {@link FundsCommitted}.
 *
 * @param amount     what was released, in baht
 * @param request    the request whose commitment it was
 * @param commitment budget-service's id of the commitment
 * @param reason     why
 */
public record CommitmentReleased(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        String commitment,
        String reason,
        Instant releasedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return activity;
    }
}
