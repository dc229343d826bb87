package th.tambon.contracts.budget;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money was spent (เบิกจ่าย) on a line: an activity's actual cost, turning its commitment into an expenditure, or a
 * direct expenditure without an activity. Key: the activity's id (the saga's key and version, as
 * {@link FundsCommitted}) or, for a direct expenditure, the ESA's fiscal year ({@link BudgetKeys#fiscalYearOf}) with
 * that key's version.
 *
 * @param expenditure budget-service's id of the expenditure
 * @param amount      what was spent, in baht
 * @param spentOn     the day it was spent, inside the line's fiscal year (or after it, for a commitment carried over)
 * @param activity    the activity it paid for, or null for a direct expenditure
 * @param request     the activity's request whose commitment it spends, or null
 * @param commitment  the commitment it spends, or null
 * @param committed   what that commitment held, or null
 * @param released    what was committed but not spent and so released (committed − amount when positive), or null
 * @param purposeTh   what it paid for, in Thai
 * @param documentRef the document of the expenditure, or null (an activity's has none)
 */
public record ExpenditureRecorded(
        String expenditure,
        String esa,
        int fiscalYear,
        int round,
        int line,
        BigDecimal amount,
        LocalDate spentOn,
        String activity,
        Integer request,
        String commitment,
        BigDecimal committed,
        BigDecimal released,
        String purposeTh,
        String documentRef,
        String recordedBy,
        Instant recordedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return activity != null ? activity : BudgetKeys.fiscalYearOf(esa, fiscalYear);
    }
}
