package th.tambon.budget.yearend.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.yearend.application.ClosingFiscalYears;

import java.math.BigDecimal;
import java.time.Instant;

/** A fiscal year as closed. */
@Serdeable
@Schema(description = "An ESA's fiscal year as closed: lapsed = allocated − spent − carriedOver")
public record ClosedView(String esa, int fiscalYear, Instant closedAt, String closedBy, BigDecimal allocated,
                         BigDecimal spent, BigDecimal carriedOver, BigDecimal lapsed) {

    public static ClosedView of(ClosingFiscalYears.Closed closed) {
        return new ClosedView(closed.year().key().esa(), closed.year().key().year(), closed.year().closedAt(),
                closed.year().closedBy(), closed.allocated(), closed.spent(), closed.carriedOver(), closed.lapsed());
    }
}
