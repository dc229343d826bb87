package th.tambon.budget.allocation.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.infrastructure.FiscalYearRepository;
import th.tambon.budget.allocation.infrastructure.FiscalYearRow;
import th.tambon.budget.allocation.infrastructure.RoundRepository;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.allocation.model.RoundDraft;
import th.tambon.budget.allocation.model.RoundRevision;
import th.tambon.budget.ledger.infrastructure.Ledger;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.infrastructure.Movement;
import th.tambon.budget.ledger.model.Baht;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.EntryKind;
import th.tambon.http.IfMatch;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OBEC revises a recorded round (docs/decisions: a round changes only by a recorded revision): each changed line gets
 * a REVISED ledger entry with the signed difference, the reason and the letter; the round's amount becomes the sum of
 * its lines' while what it was when received stays beside it; {@code allocation-round-changed.v1} (REVISED) announces
 * it on the ESA's fiscal-year key. A line never goes below what it has committed and spent, and a closed year is not
 * revised. The revision names the fiscal year's version it was decided on (If-Match, required). Locks: the fiscal year,
 * then the lines in id order, as every writer of several lines does.
 */
@Singleton
public class RevisingRounds {
    static final String COMMAND = "ReviseAllocationRound";

    private final FiscalYearRepository years;
    private final RoundRepository rounds;
    private final LineRepository lines;
    private final Ledger ledger;
    private final RoundEvents events;
    private final Clock clock;

    public RevisingRounds(FiscalYearRepository years, RoundRepository rounds, LineRepository lines, Ledger ledger,
                          RoundEvents events, Clock clock) {
        this.years = years;
        this.rounds = rounds;
        this.lines = lines;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** The round after the revision, its fiscal year's version, and whether the revision changed anything. */
    public record Revised(RoundRow round, List<LineRow> lines, long version, boolean changed) {
    }

    @Transactional
    public Outcome<Revised> revise(String esa, int fiscalYear, int roundNumber, RoundRevision revision, IfMatch ifMatch,
                                   Actor actor) {
        if (!actor.is(Role.OBEC_ADMIN)) {
            return Outcome.forbidden("Only OBEC revises the rounds it allocated");
        }
        var problems = revision.problems();
        if (!problems.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, problems.get(0).field(), String.join("; ",
                    problems.stream().map(RoundDraft.Problem::message).toList()));
        }
        var locked = years.lock(esa, fiscalYear);
        var found = rounds.findByEsaAndFiscalYearAndRound(esa, fiscalYear, roundNumber);
        if (locked.isEmpty() || found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "round", "No round " + roundNumber + " of " + esa
                    + " in fiscal year " + fiscalYear);
        }
        FiscalYearRow year = locked.get();
        if (!ifMatch.namesTags()) {
            return Outcome.preconditionRequired("A revision needs If-Match with the ETag of " + esa + "'s fiscal year "
                    + fiscalYear + " as you read it (it is at version " + year.version() + ")" + (ifMatch.present()
                    ? "; * names no version: name the ETag you read" : ""));
        }
        if (Outcome.stale(ifMatch, year.version())) {
            return Outcome.stale("Fiscal year " + fiscalYear + " of " + esa, year.version(), ifMatch);
        }
        if (year.closed()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "fiscalYear", "fiscal year " + fiscalYear + " of "
                    + esa + " is closed: its rounds are revised no more");
        }
        RoundRow round = found.get();
        Map<Integer, LineRow> recorded = new LinkedHashMap<>();
        lines.findByRoundIdOrderByLine(round.id()).forEach(l -> recorded.put(l.line(), l));
        for (int i = 0; i < revision.lines().size(); i++) {
            int number = revision.lines().get(i).line();
            if (!recorded.containsKey(number)) {
                return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, "lines[" + i + "].line", "Round "
                        + roundNumber + " of " + esa + " in fiscal year " + fiscalYear + " has no line " + number
                        + " (its lines: " + recorded.keySet() + ")");
            }
        }
        Map<Integer, LineRow> current = lockInIdOrder(revision, recorded);
        Map<Integer, BigDecimal> differences = new TreeMap<>();
        for (int i = 0; i < revision.lines().size(); i++) {
            RoundRevision.LineAmount asked = revision.lines().get(i);
            LineRow line = current.get(asked.line());
            BigDecimal difference = Baht.of(asked.amount()).subtract(line.amount());
            if (difference.signum() == 0) {
                continue;
            }
            if (line.balance().after(EntryKind.REVISED, difference).isEmpty()) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, "lines[" + i + "].amount",
                        belowWhatIsUsed(line, Baht.of(asked.amount())));
            }
            differences.put(asked.line(), difference);
        }
        if (differences.isEmpty()) {
            List<LineRow> unchanged = new ArrayList<>(recorded.values());
            unchanged.replaceAll(l -> current.getOrDefault(l.line(), l));
            return Outcome.done(new Revised(round, unchanged, year.version(), false));
        }
        BigDecimal revisedSum = recorded.values().stream()
                .map(l -> current.getOrDefault(l.line(), l).amount().add(differences.getOrDefault(l.line(),
                        BigDecimal.ZERO)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (revisedSum.compareTo(Baht.MAX) > 0) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "lines", "lines: the revised round would sum to "
                    + Baht.th(revisedSum) + ", more than the " + Baht.th(Baht.MAX) + " a round can hold");
        }
        Instant now = Bangkok.now(clock);
        String reason = revision.reason().strip();
        String documentRef = revision.documentRef() == null || revision.documentRef().isBlank() ? null
                : revision.documentRef().strip();
        for (LineRow line : current.values().stream().sorted(Comparator.comparing(LineRow::id)).toList()) {
            BigDecimal difference = differences.get(line.line());
            if (difference != null) {
                current.put(line.line(), ledger.post(line, Movement.of(EntryKind.REVISED, difference, reason,
                        documentRef), now, actor.subject()).orElseThrow());
            }
        }
        List<LineRow> after = new ArrayList<>(recorded.values());
        after.replaceAll(l -> current.getOrDefault(l.line(), l));
        BigDecimal amount = after.stream().map(LineRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        RoundRow revised = rounds.update(new RoundRow(round.id(), round.esa(), round.fiscalYear(), round.round(),
                round.receivedOn(), round.documentRef(), round.originalAmount(), Baht.of(amount), round.recordedAt(),
                round.recordedBy(), now));
        FiscalYearRow announced = events.announce(year, revised, after, "REVISED", reason, now, actor, COMMAND);
        return Outcome.done(new Revised(revised, after, announced.version(), true));
    }

    /** The lines the revision names, locked in id order (as every writer of several lines locks them), by number. */
    private Map<Integer, LineRow> lockInIdOrder(RoundRevision revision, Map<Integer, LineRow> recorded) {
        Map<Integer, LineRow> locked = new TreeMap<>();
        revision.lines().stream().map(l -> recorded.get(l.line())).sorted(Comparator.comparing(LineRow::id))
                .forEach(l -> locked.put(l.line(), lines.lock(l.id()).orElseThrow()));
        return locked;
    }

    /** Why a line may not take the amount asked: the figures it holds and the least it may be. */
    private static String belowWhatIsUsed(LineRow line, BigDecimal asked) {
        Balance b = line.balance();
        BigDecimal least = b.committed().add(b.spent()).subtract(b.transferred()).max(BigDecimal.ZERO);
        return "line " + line.label() + " has " + Baht.th(b.committed()) + " committed and " + Baht.th(b.spent())
                + " spent" + (b.transferred().signum() == 0 ? "" : ", " + Baht.th(b.transferred())
                + " transferred") + ": its amount may not go below " + Baht.th(least) + " (asked "
                + Baht.th(asked) + ")";
    }
}
