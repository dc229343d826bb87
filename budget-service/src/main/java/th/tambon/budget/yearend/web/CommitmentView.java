package th.tambon.budget.yearend.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.saga.infrastructure.CommitmentRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A commitment of a line to an activity's request. */
@Serdeable
@Schema(description = "A commitment (ผูกพันงบประมาณ) of a line to an activity's request: OPEN until spent or released; "
        + "carriedOver* when reserved past its fiscal year's end (กันเงินไว้เบิกเหลื่อมปี)")
public record CommitmentView(UUID id, UUID activity, int request, BigDecimal amount, String state, Instant committedAt,
                             @Nullable Instant settledAt, @Nullable String carriedOverRef,
                             @Nullable Boolean carriedOverWithObligation, @Nullable Instant carriedOverAt) {

    public static CommitmentView of(CommitmentRow row) {
        return new CommitmentView(row.id(), row.activity(), row.request(), row.amount(), row.state(),
                row.committedAt(), row.settledAt(), row.carriedOverRef(), row.carriedOverWithObligation(),
                row.carriedOverAt());
    }
}
