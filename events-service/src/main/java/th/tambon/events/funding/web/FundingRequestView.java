package th.tambon.events.funding.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.funding.model.ActivityFunding;

import java.math.BigDecimal;
import java.time.Instant;

@Serdeable
@Schema(description = "An activity's current funding request, as budget-service was asked for it")
public record FundingRequestView(
        @Schema(description = "the activity's id") String activity,
        @Schema(example = "P51-1") String esa,
        @Schema(example = "2563") int fiscalYear,
        @Schema(example = "2") int round,
        @Schema(example = "1") int line,
        @Schema(example = "21700.00", type = "string", format = "decimal") BigDecimal amount,
        @Schema(description = "which request of the activity; asking again keeps the number", example = "1") int request,
        @Schema(description = "when it was asked, now") Instant requestedAt,
        @Schema(description = "the funding's version: that of its activity.funding-requested.v1 on "
                + "<activity>/funding", example = "2") long version) {

    static FundingRequestView of(ActivityFunding funding) {
        return new FundingRequestView(funding.activity().toString(), funding.esa(), funding.asked().fiscalYear(),
                funding.asked().round(), funding.asked().line(), funding.amount(), funding.request(),
                funding.requestedAt(), funding.version());
    }
}
