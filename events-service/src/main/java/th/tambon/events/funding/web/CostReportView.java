package th.tambon.events.funding.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.contracts.events.ActivityCostReported;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@Serdeable
@Schema(description = "A funded activity's actual cost as it was reported to budget-service again")
public record CostReportView(
        @Schema(description = "the activity's id") String activity,
        @Schema(example = "P51-1") String esa,
        @Schema(example = "2563") int fiscalYear,
        @Schema(example = "2") int round,
        @Schema(example = "1") int line,
        @Schema(description = "what budget-service committed", example = "21700.00", type = "string",
                format = "decimal") BigDecimal amount,
        @Schema(description = "what the activity actually cost", example = "21700.00", type = "string",
                format = "decimal") BigDecimal actualCost,
        @Schema(description = "the request that was committed", example = "1") int request,
        @Schema(description = "the day the money was spent: the day the activity started, in Bangkok",
                example = "2020-09-28") LocalDate spentOn,
        @Schema(description = "when it was reported, now") Instant reportedAt,
        @Schema(description = "the funding's version: that of its activity.cost-reported.v1 on <activity>/funding",
                example = "4") long version) {

    static CostReportView of(ActivityCostReported report) {
        return new CostReportView(report.activity(), report.esa(), report.fiscalYear(), report.round(), report.line(),
                report.amount(), report.actualCost(), report.request(), report.spentOn(), report.reportedAt(),
                report.version());
    }
}
