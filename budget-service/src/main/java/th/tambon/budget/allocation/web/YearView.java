package th.tambon.budget.allocation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.allocation.infrastructure.YearTotalsRepository;
import th.tambon.budget.ledger.model.Balance;
import th.tambon.http.FiscalYear;
import th.tambon.http.ThaiDates;

import java.time.LocalDate;
import java.util.List;

/** A fiscal year across ESAs: each ESA's sums and the year's. */
@Serdeable
@Schema(description = "A fiscal year across the ESAs with a round in it: what each came to and the year in all")
public record YearView(
        @Schema(description = "the fiscal year (BE)", example = "2563") int fiscalYear,
        @Schema(example = "2019-10-01") LocalDate firstDay,
        @Schema(example = "2020-09-30") LocalDate lastDay,
        @Schema(example = "1 ตุลาคม 2562") String firstDayTh,
        @Schema(example = "30 กันยายน 2563") String lastDayTh,
        @Schema(description = "the sums over the ESAs listed") TotalsView totals,
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "one entry per ESA with a round in the year, by ESA code ([] when none); an ESA "
                + "officer gets its own ESA's only") List<EsaTotalsView> esas) {

    public static YearView of(int fiscalYear, List<YearTotalsRepository.EsaTotals> rows) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        Balance all = rows.stream().map(EsaTotalsView::balanceOf).reduce(Balance.ZERO, Balance::plus);
        return new YearView(fiscalYear, year.firstDay(), year.lastDay(), ThaiDates.format(year.firstDay()),
                ThaiDates.format(year.lastDay()), TotalsView.of(all), rows.stream().map(EsaTotalsView::of).toList());
    }
}
