package th.tambon.events.ita.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.ita.infrastructure.ItaResultRow;

import java.math.BigDecimal;
import java.time.Instant;

@Serdeable
@Schema(description = "The ITA result of a school or an ESA for a fiscal year")
public record ItaResultView(
        @Schema(example = "SCHOOL", allowableValues = {"SCHOOL", "ESA"}) String subjectType,
        @Schema(description = "the school's SMIS code or the ESA's code", example = "51910001") String code,
        @Schema(description = "the ESA: the subject itself, or the school's ESA", example = "P51-1") String esa,
        @Schema(description = "the fiscal year (BE) assessed", example = "2563") int fiscalYear,
        @Schema(example = "94.99", type = "number") BigDecimal score,
        @Schema(example = "A", allowableValues = {"AA", "A", "B", "C", "D", "E", "F"}) String level,
        @Schema(type = "number") @Nullable BigDecimal iit,
        @Schema(type = "number") @Nullable BigDecimal eit,
        @Schema(type = "number") @Nullable BigDecimal oit,
        @Schema(description = "when it was last recorded or changed") Instant recordedAt,
        @Schema(description = "by whom: the token's subject") String recordedBy,
        @Schema(description = "counts its changes: 1 when first recorded; also its ETag", example = "1") long version) {

    static ItaResultView of(ItaResultRow row) {
        return new ItaResultView(row.subjectType(), row.code(), row.esa(), row.fiscalYear(), row.score(), row.level(),
                row.iit(), row.eit(), row.oit(), row.recordedAt(), row.recordedBy(), row.version());
    }
}
