package th.tambon.budget.allocation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.allocation.application.ReadingFiscalYears;
import th.tambon.budget.allocation.infrastructure.RoundRow;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.budget.ledger.model.Category;
import th.tambon.http.FiscalYear;
import th.tambon.http.ThaiDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An ESA's fiscal year: its dates, whether closed, its totals, by category, and its rounds with their lines. */
@Serdeable
@Schema(description = "An ESA's fiscal year (ปีงบประมาณ): its days, whether it is closed, what it came to in all and "
        + "per category, and its allocation rounds with their lines and balances")
public record EsaYearView(
        @Schema(example = "P51-1") String esa,
        @Schema(description = "the fiscal year (BE)", example = "2563") int fiscalYear,
        @Schema(description = "its first day", example = "2019-10-01") LocalDate firstDay,
        @Schema(description = "its last day", example = "2020-09-30") LocalDate lastDay,
        @Schema(example = "1 ตุลาคม 2562") String firstDayTh,
        @Schema(example = "30 กันยายน 2563") String lastDayTh,
        @Schema(description = "whether the year is closed for the ESA (it takes nothing else)") boolean closed,
        @Schema(description = "when it was closed") @Nullable Instant closedAt,
        @Schema(description = "the sums of all its lines") TotalsView totals,
        // every category with a line, in the order of the categories; {} rather than nothing for a year without lines
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "the sums per category (PERSONNEL, OPERATING, INVESTMENT, SUBSIDY, OTHER) that has a "
                + "line") Map<String, TotalsView> byCategory,
        @Schema(description = "its rounds by number") List<RoundView> rounds,
        @Schema(description = "its version, also its ETag: If-Match of a revision names it", example = "2") long version) {

    public static EsaYearView of(ReadingFiscalYears.EsaYear read) {
        String esa = read.year().key().esa();
        int year = read.year().key().year();
        FiscalYear fiscalYear = FiscalYear.of(year);
        Balance all = read.lines().stream().map(LineRow::balance).reduce(Balance.ZERO, Balance::plus);
        Map<String, Balance> perCategory = read.lines().stream().collect(Collectors.groupingBy(LineRow::category,
                Collectors.reducing(Balance.ZERO, LineRow::balance, Balance::plus)));
        Map<String, TotalsView> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            Balance sum = perCategory.get(category.name());
            if (sum != null) {
                byCategory.put(category.name(), TotalsView.of(sum));
            }
        }
        Map<java.util.UUID, List<LineRow>> linesOfRound = read.lines().stream()
                .collect(Collectors.groupingBy(LineRow::roundId));
        List<RoundView> rounds = read.rounds().stream()
                .map((RoundRow r) -> RoundView.of(r, linesOfRound.getOrDefault(r.id(), List.of()))).toList();
        return new EsaYearView(esa, year, fiscalYear.firstDay(), fiscalYear.lastDay(),
                ThaiDates.format(fiscalYear.firstDay()), ThaiDates.format(fiscalYear.lastDay()), read.year().closed(),
                read.year().closedAt(), TotalsView.of(all), byCategory, rounds, read.year().version());
    }
}
