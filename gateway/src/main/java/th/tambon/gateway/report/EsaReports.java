package th.tambon.gateway.report;

import io.micronaut.core.annotation.Nullable;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.Baht;
import th.tambon.gateway.sources.Fetched;
import th.tambon.http.FiscalYear;
import th.tambon.http.ThaiDates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an ESA report together from what each source gave: figures from an answered source (OK or STALE), nulls from
 * an unavailable one. No figure is computed from another service's data but money ÷ outcomes.
 */
public final class EsaReports {
    /** The ITA levels, best first (events-service's ItaLevel). */
    public static final List<String> ITA_LEVELS = List.of("AA", "A", "B", "C", "D", "E", "F");

    private EsaReports() {
    }

    public static EsaReport of(String esa, int fiscalYear, Fetched<Answers.EsaCounts> schools,
                               Fetched<Answers.EsaActivities> events, Fetched<Answers.BudgetEsaYear> budget,
                               Instant now) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        Optional<Answers.EsaCounts> counts = schools.answer();
        EsaReport.Office office = counts.map(c -> new EsaReport.Office(c.esa(), c.nameTh(), c.nameEn(), c.kind(),
                c.provinceCode(), c.province())).orElse(null);
        // an ESA with no activities is all zeros in events' answer; a year with no round is none (404) in budget's
        Answers.Totals money = budget.figure(Answers.BudgetEsaYear::totals,
                new Answers.Totals(Baht.ZERO, Baht.ZERO, Baht.ZERO, Baht.ZERO, null));
        Long participants = events.figure(Answers.EsaActivities::participantsHeld, 0L);
        Long reached = events.figure(Answers.EsaActivities::schoolsReached, 0L);
        BigDecimal spent = money == null ? null : money.spent();
        List<Fetched<?>> answers = List.of(schools, events, budget);
        return new EsaReport(esa, fiscalYear, year.firstDay(), year.lastDay(), ThaiDates.format(year.firstDay()),
                ThaiDates.format(year.lastDay()), office,
                schools.figure(Answers.EsaCounts::qualitySchools, 0L),
                schools.figure(Answers.EsaCounts::schools, 0L),
                events.figure(Answers.EsaActivities::held, 0L),
                participants,
                events.figure(Answers.EsaActivities::certificates, 0L),
                money == null ? null : Baht.text(money.allocated()),
                money == null ? null : Baht.text(money.committed()),
                money == null ? null : Baht.text(money.spent()),
                money == null ? null : Baht.text(money.remaining()),
                money == null ? null : Baht.percent(money.executionRate()),
                events.answered() ? activities(year, events.answer()) : null,
                events.answered() ? events.answer().map(a -> new EsaReport.Works(a.worksPresented(),
                        a.worksSelected(), a.worksForwarded())).orElse(new EsaReport.Works(0, 0, 0)) : null,
                events.answered() ? ita(events.answer()) : null,
                budget.answered() ? budget(budget.answer()) : null,
                new EsaReport.Outcomes(reached, Baht.text(Baht.per(spent, participants)),
                        Baht.text(Baht.per(spent, reached))),
                Fetched.sections(answers), Fetched.staleAsOf(answers), now);
    }

    private static EsaReport.Activities activities(FiscalYear year, Optional<Answers.EsaActivities> answer) {
        Map<String, Long> heldByMonth = answer.map(Answers.EsaActivities::heldByMonth).orElse(null);
        List<EsaReport.Month> months = new ArrayList<>();
        YearMonth month = YearMonth.from(year.firstDay());
        for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
            months.add(new EsaReport.Month(month.toString(), ThaiDates.format(month),
                    heldByMonth == null ? 0 : heldByMonth.getOrDefault(month.toString(), 0L)));
        }
        return new EsaReport.Activities(answer.map(Answers.EsaActivities::activities).orElse(0L),
                answer.map(Answers.EsaActivities::byType).orElse(Map.of()),
                answer.map(Answers.EsaActivities::byState).orElse(Map.of()), months);
    }

    private static EsaReport.Ita ita(Optional<Answers.EsaActivities> answer) {
        Map<String, Long> levels = new LinkedHashMap<>();
        Map<String, Long> given = answer.map(Answers.EsaActivities::itaLevels).orElse(Map.of());
        for (String level : ITA_LEVELS) {
            levels.put(level, given == null ? 0 : given.getOrDefault(level, 0L));
        }
        Answers.Ita own = answer.map(Answers.EsaActivities::esaIta).orElse(null);
        return new EsaReport.Ita(levels, own == null ? null : Baht.text(own.score()), own == null ? null : own.level());
    }

    private static EsaReport.Budget budget(Optional<Answers.BudgetEsaYear> answer) {
        if (answer.isEmpty()) {
            return new EsaReport.Budget(false, Map.of(), List.of());
        }
        Answers.BudgetEsaYear year = answer.get();
        Map<String, EsaReport.Money> byCategory = new LinkedHashMap<>();
        if (year.byCategory() != null) {
            year.byCategory().forEach((category, totals) -> byCategory.put(category, money(totals)));
        }
        List<EsaReport.Round> rounds = year.rounds().stream().map(r -> new EsaReport.Round(r.round(), r.receivedOn(),
                r.receivedOn() == null ? null : ThaiDates.format(r.receivedOn()), r.documentRef(),
                money(r.allocated(), r.committed(), r.spent(), r.remaining(), r.executionRate()),
                r.lines().stream().map(l -> new EsaReport.Line(l.line(), l.category(), l.purposeTh(),
                        money(l.allocated(), l.committed(), l.spent(), l.remaining(), l.executionRate()))).toList()))
                .toList();
        return new EsaReport.Budget(year.closed(), byCategory, rounds);
    }

    static EsaReport.Money money(Answers.Totals totals) {
        return money(totals.allocated(), totals.committed(), totals.spent(), totals.remaining(), totals.executionRate());
    }

    private static EsaReport.Money money(BigDecimal allocated, BigDecimal committed, BigDecimal spent,
                                         BigDecimal remaining, @Nullable BigDecimal executionRate) {
        return new EsaReport.Money(Baht.text(allocated), Baht.text(committed), Baht.text(spent), Baht.text(remaining),
                Baht.percent(executionRate));
    }
}
