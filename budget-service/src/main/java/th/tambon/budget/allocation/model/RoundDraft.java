package th.tambon.budget.allocation.model;

import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.Category;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An allocation round as OBEC's letter gives it: the ESA's fiscal year and round number (the natural key), the letter's
 * date and number when known, the amount and its lines, which must sum to it exactly.
 */
public record RoundDraft(String esa, int fiscalYear, int round, LocalDate receivedOn, String documentRef,
                         BigDecimal amount, List<LineDraft> lines) {

    /** A line of a round: number within the round, category, purpose in Thai, amount. */
    public record LineDraft(int line, Category category, String purposeTh, BigDecimal amount) {
        public LineDraft {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(purposeTh, "purposeTh");
            Objects.requireNonNull(amount, "amount");
        }

        boolean sameAs(LineDraft other) {
            return line == other.line && category == other.category && purposeTh.equals(other.purposeTh)
                    && amount.compareTo(other.amount) == 0;
        }
    }

    public RoundDraft {
        Objects.requireNonNull(esa, "esa");
        Objects.requireNonNull(amount, "amount");
        lines = List.copyOf(lines);
    }

    /** A field at fault and why (the message does not repeat the field's name). */
    public record Problem(String field, String message) {
    }

    /** Everything wrong with the round: amounts that are not baht, repeated line numbers, lines not summing to it. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        Baht.problemWith(amount).ifPresent(p -> problems.add(new Problem("amount", p)));
        if (lines.isEmpty()) {
            problems.add(new Problem("lines", "a round has at least one line"));
        }
        Set<Integer> numbers = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            LineDraft line = lines.get(i);
            if (!numbers.add(line.line())) {
                problems.add(new Problem("lines[" + i + "].line", "line " + line.line() + " appears more than once"));
            }
            String at = "lines[" + i + "].amount";
            Baht.problemWith(line.amount()).ifPresent(p -> problems.add(new Problem(at, p)));
            sum = sum.add(line.amount());
        }
        if (problems.isEmpty() && sum.compareTo(amount) != 0) {
            problems.add(new Problem("lines", "the lines sum to " + Baht.th(sum) + ", not the round's "
                    + Baht.th(amount)));
        }
        return problems;
    }

    /**
     * Whether another draft of the same round says the same (2100 and 2100.00 are the same baht; lines are matched by
     * their numbers, whatever order either lists them in).
     */
    public boolean sameAs(RoundDraft other) {
        if (!(esa.equals(other.esa) && fiscalYear == other.fiscalYear && round == other.round
                && Objects.equals(receivedOn, other.receivedOn) && Objects.equals(documentRef, other.documentRef)
                && amount.compareTo(other.amount) == 0 && lines.size() == other.lines.size())) {
            return false;
        }
        List<LineDraft> mine = inLineOrder();
        List<LineDraft> theirs = other.inLineOrder();
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).sameAs(theirs.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The lines by line number. */
    public List<LineDraft> inLineOrder() {
        return lines.stream().sorted(Comparator.comparingInt(LineDraft::line)).toList();
    }
}
