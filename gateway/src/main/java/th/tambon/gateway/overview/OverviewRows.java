package th.tambon.gateway.overview;

import io.micronaut.core.annotation.Nullable;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.Baht;
import th.tambon.gateway.sources.Fetched;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The overview's rows from the three answers, joined by ESA code: the ESAs are schools-service's (filtered there);
 * when it is unavailable, those the other two know (and none when a filter asked for what only it can tell). An ESA
 * an answered source does not list has zeros from it (no activity, no round); an unavailable source's figures are
 * null.
 */
final class OverviewRows {
    static final String ALL = "ALL";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OverviewRows() {
    }

    static List<OverviewRow> of(Fetched<Answers.QualityCounts> schools, Fetched<Answers.EventsSummary> events,
                                Fetched<Answers.BudgetYear> budget, boolean filtered) {
        Map<String, Answers.EsaCounts> counts = byEsa(schools, Answers.QualityCounts::esas, Answers.EsaCounts::esa);
        Map<String, Answers.EsaActivities> activities = byEsa(events, Answers.EventsSummary::esas,
                Answers.EsaActivities::esa);
        Map<String, Answers.EsaBudget> money = byEsa(budget, Answers.BudgetYear::esas, Answers.EsaBudget::esa);
        List<String> codes = new ArrayList<>();
        if (schools.answered()) {
            schools.answer().ifPresent(c -> c.esas().forEach(e -> codes.add(e.esa())));
        } else if (!filtered) {
            TreeSet<String> known = new TreeSet<>(activities.keySet());
            known.addAll(money.keySet());
            codes.addAll(known);
        }
        List<OverviewRow> rows = new ArrayList<>(codes.size());
        for (String code : codes) {
            rows.add(row(code, schools.narrow(a -> Optional.ofNullable(counts.get(code))),
                    events.narrow(a -> Optional.ofNullable(activities.get(code))),
                    budget.narrow(a -> Optional.ofNullable(money.get(code)))));
        }
        return rows;
    }

    private static OverviewRow row(String code, Fetched<Answers.EsaCounts> schools, Fetched<Answers.EsaActivities> events,
                                   Fetched<Answers.EsaBudget> budget) {
        Answers.EsaCounts office = schools.answer().orElse(null);
        Long participants = events.figure(Answers.EsaActivities::participantsHeld, 0L);
        Long reached = events.figure(Answers.EsaActivities::schoolsReached, 0L);
        BigDecimal spent = budget.figure(Answers.EsaBudget::spent, Baht.ZERO);
        return new OverviewRow(code, office == null ? null : office.nameTh(), office == null ? null : office.kind(),
                office == null ? null : office.provinceCode(), office == null ? null : office.province(),
                schools.figure(Answers.EsaCounts::schools, 0L), schools.figure(Answers.EsaCounts::qualitySchools, 0L),
                events.figure(Answers.EsaActivities::held, 0L), participants,
                events.figure(Answers.EsaActivities::certificates, 0L), reached,
                Baht.text(budget.figure(Answers.EsaBudget::allocated, Baht.ZERO)),
                Baht.text(budget.figure(Answers.EsaBudget::committed, Baht.ZERO)), Baht.text(spent),
                Baht.text(budget.figure(Answers.EsaBudget::remaining, Baht.ZERO)),
                Baht.percent(budget.figure(Answers.EsaBudget::executionRate, null)),
                Baht.text(Baht.per(spent, participants)), Baht.text(Baht.per(spent, reached)));
    }

    /**
     * Every row summed; a column is null when any row's is (its source is unavailable), and every column when the rows
     * themselves are not known (a filter only schools-service can apply while it is unavailable). Schools reached are
     * not summed: a school reached by two ESAs' activities counts in each, so a sum would count it twice.
     */
    static OverviewRow totals(List<OverviewRow> rows, boolean rowsKnown) {
        if (!rowsKnown) {
            return new OverviewRow(ALL, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }
        BigDecimal allocated = sumMoney(rows, OverviewRow::allocated);
        BigDecimal spent = sumMoney(rows, OverviewRow::spent);
        Long participants = sum(rows, OverviewRow::participantsTotal);
        BigDecimal rate = allocated == null || spent == null || allocated.signum() == 0 ? null
                : spent.multiply(HUNDRED).divide(allocated, 2, RoundingMode.HALF_UP);
        return new OverviewRow(ALL, null, null, null, null, sum(rows, OverviewRow::schools),
                sum(rows, OverviewRow::qualitySchools), sum(rows, OverviewRow::activitiesHeld), participants,
                sum(rows, OverviewRow::certificatesAwarded), null, Baht.text(allocated),
                Baht.text(sumMoney(rows, OverviewRow::committed)), Baht.text(spent),
                Baht.text(sumMoney(rows, OverviewRow::remaining)), Baht.percent(rate),
                Baht.text(Baht.per(spent, participants)), null);
    }

    /** The order {@code sort} names ({@link OverviewRow.Sortable#PATTERN}); nulls last either way; ties by ESA. */
    static Comparator<OverviewRow> order(String sort) {
        boolean descending = sort.startsWith("-");
        OverviewRow.Sortable column = OverviewRow.Sortable.valueOf(descending ? sort.substring(1) : sort);
        Function<OverviewRow, Comparable<?>> key = key(column);
        Comparator<Comparable<Object>> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        @SuppressWarnings("unchecked")
        Comparator<OverviewRow> by = Comparator.comparing(r -> (Comparable<Object>) key.apply(r),
                Comparator.nullsLast(values));
        return by.thenComparing(OverviewRow::esa);
    }

    private static Function<OverviewRow, Comparable<?>> key(OverviewRow.Sortable column) {
        return switch (column) {
            case esa -> OverviewRow::esa;
            case nameTh -> OverviewRow::nameTh;
            case kind -> OverviewRow::kind;
            case provinceCode -> OverviewRow::provinceCode;
            case province -> OverviewRow::province;
            case schools -> OverviewRow::schools;
            case qualitySchools -> OverviewRow::qualitySchools;
            case activitiesHeld -> OverviewRow::activitiesHeld;
            case participantsTotal -> OverviewRow::participantsTotal;
            case certificatesAwarded -> OverviewRow::certificatesAwarded;
            case schoolsReached -> OverviewRow::schoolsReached;
            case allocated -> r -> decimal(r.allocated());
            case committed -> r -> decimal(r.committed());
            case spent -> r -> decimal(r.spent());
            case remaining -> r -> decimal(r.remaining());
            case executionRate -> r -> decimal(r.executionRate());
            case costPerParticipant -> r -> decimal(r.costPerParticipant());
            case costPerSchoolReached -> r -> decimal(r.costPerSchoolReached());
        };
    }

    @Nullable
    private static BigDecimal decimal(@Nullable String text) {
        return text == null ? null : new BigDecimal(text);
    }

    @Nullable
    private static Long sum(List<OverviewRow> rows, Function<OverviewRow, Long> column) {
        long sum = 0;
        for (OverviewRow row : rows) {
            Long value = column.apply(row);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }

    @Nullable
    private static BigDecimal sumMoney(List<OverviewRow> rows, Function<OverviewRow, String> column) {
        BigDecimal sum = Baht.ZERO;
        for (OverviewRow row : rows) {
            String value = column.apply(row);
            if (value == null) {
                return null;
            }
            sum = sum.add(new BigDecimal(value));
        }
        return sum;
    }

    private static <A, E> Map<String, E> byEsa(Fetched<A> fetched, Function<A, List<E>> entries,
                                               Function<E, String> code) {
        return fetched.answer().map(entries).orElse(List.of()).stream()
                .collect(Collectors.toMap(code, e -> e, (a, b) -> a));
    }
}
