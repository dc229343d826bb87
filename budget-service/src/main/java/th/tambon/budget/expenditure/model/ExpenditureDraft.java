package th.tambon.budget.expenditure.model;

import th.tambon.budget.ledger.model.Baht;
import th.tambon.http.FiscalYear;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A direct expenditure (เบิกจ่าย without an activity) on a line of an ESA's fiscal year, as asked. It is spent inside
 * the line's fiscal year: FY2563 runs from 2019-10-01 to 2020-09-30 ({@link FiscalYear}), so 2020-10-01 is FY2564's.
 */
public record ExpenditureDraft(String esa, int fiscalYear, int round, int line, BigDecimal amount, LocalDate spentOn,
                               String purposeTh, String documentRef) {

    public ExpenditureDraft {
        Objects.requireNonNull(esa, "esa");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(spentOn, "spentOn");
        Objects.requireNonNull(purposeTh, "purposeTh");
    }

    /** A field at fault and why. */
    public record Problem(String field, String message) {
    }

    /** "2563/2/1": fiscal year, round and line, as messages name a line. */
    public String lineLabel() {
        return fiscalYear + "/" + round + "/" + line;
    }

    /** What is wrong with the expenditure before its line is read: its amount, or a day outside the fiscal year. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        Baht.problemWithPositive(amount).ifPresent(p -> problems.add(new Problem("amount", p)));
        FiscalYear year = FiscalYear.of(fiscalYear);
        if (!FiscalYear.containing(spentOn).equals(year)) {
            problems.add(new Problem("spentOn", spentOn + " lies in fiscal year "
                    + FiscalYear.containing(spentOn).be() + ", not in line " + lineLabel() + "'s fiscal year "
                    + fiscalYear + ", which runs from " + year.firstDay() + " to " + year.lastDay()));
        }
        return problems;
    }
}
