package th.tambon.budget.allocation.model;

import th.tambon.budget.ledger.model.Baht;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OBEC's revision of a recorded round: the new amount of each line it changes (the lines it leaves out keep theirs),
 * why, and the letter that says so. The round's amount becomes the sum of its lines'; what it was when received is
 * kept beside it, and each changed line's difference is a REVISED ledger entry carrying the reason and the letter.
 */
public record RoundRevision(List<LineAmount> lines, String reason, String documentRef) {

    /** A line's new amount. */
    public record LineAmount(int line, BigDecimal amount) {
        public LineAmount {
            Objects.requireNonNull(amount, "amount");
        }
    }

    public RoundRevision {
        lines = List.copyOf(lines);
    }

    /** Everything wrong with the revision itself: no line, a line named twice, amounts that are not baht, no reason. */
    public List<RoundDraft.Problem> problems() {
        List<RoundDraft.Problem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(new RoundDraft.Problem("lines", "lines: a revision changes at least one line"));
        }
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineAmount line = lines.get(i);
            if (!numbers.add(line.line())) {
                problems.add(new RoundDraft.Problem("lines[" + i + "].line", "lines[" + i + "].line: line "
                        + line.line() + " appears more than once"));
            }
            String at = "lines[" + i + "].amount";
            Baht.problemWith(line.amount()).ifPresent(p -> problems.add(new RoundDraft.Problem(at, at + " " + p)));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new RoundDraft.Problem("reason", "reason: a revision says why the round changes"));
        }
        return problems;
    }
}
