package th.tambon.events.ita.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Body of {@code PUT /api/v1/ita-results/{subjectType}/{code}/{fiscalYear}}. */
@Serdeable
@Schema(description = "An ITA result: the score and, when known, the three instruments' scores; each 0.00–100.00 "
        + "with at most two decimals")
public record ItaResultRequest(
        @Schema(description = "the overall score; its level follows from it (AA 95–100, A 85–94.99, B 75–84.99, "
                + "C 65–74.99, D 55–64.99, E 50–54.99, F below 50)", example = "94.99", type = "number")
        @NotNull @DecimalMin(value = "0.00", message = MESSAGE) @DecimalMax(value = "100.00", message = MESSAGE)
        @Digits(integer = 3, fraction = 2, message = MESSAGE) BigDecimal score,
        @Schema(description = "internal stakeholders (IIT)", example = "96.50", type = "number")
        @Nullable @DecimalMin(value = "0.00", message = MESSAGE) @DecimalMax(value = "100.00", message = MESSAGE)
        @Digits(integer = 3, fraction = 2, message = MESSAGE) BigDecimal iit,
        @Schema(description = "external stakeholders (EIT)", example = "93.12", type = "number")
        @Nullable @DecimalMin(value = "0.00", message = MESSAGE) @DecimalMax(value = "100.00", message = MESSAGE)
        @Digits(integer = 3, fraction = 2, message = MESSAGE) BigDecimal eit,
        @Schema(description = "the office's open data (OIT)", example = "95.00", type = "number")
        @Nullable @DecimalMin(value = "0.00", message = MESSAGE) @DecimalMax(value = "100.00", message = MESSAGE)
        @Digits(integer = 3, fraction = 2, message = MESSAGE) BigDecimal oit) {
    static final String MESSAGE = "must be from 0.00 to 100.00 with at most two decimals";
}
