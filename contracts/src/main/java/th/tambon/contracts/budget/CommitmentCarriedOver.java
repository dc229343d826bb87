package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open commitment was reserved to be spent after its fiscal year ends (กันเงินไว้เบิกเหลื่อมปี): it stays spendable
 * against the old year's allocation after 30 September. Key and {@code version} as {@link FundsCommitted}.
 *
 * @param reference      the document of the reservation
 * @param withObligation whether a binding obligation (มีหนี้ผูกพัน) backs it
 */
public record CommitmentCarriedOver(
        String activity,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        int request,
        String commitment,
        String reference,
        boolean withObligation,
        String carriedOverBy,
        Instant carriedOverAt,
        long version) implements EventData {

    @Override
    public String key() {
        return activity;
    }
}
