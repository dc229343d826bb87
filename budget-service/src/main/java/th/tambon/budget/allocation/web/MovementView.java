package th.tambon.budget.allocation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.allocation.infrastructure.MovementRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A ledger entry of an ESA's fiscal year. */
@Serdeable
@Schema(description = "A movement of money on a line (a ledger entry, never changed once written): its kind and signed "
        + "amount, what it belongs to, why, and who recorded it when")
public record MovementView(
        @Schema(description = "the entry's number; later entries have higher ones", example = "42") long id,
        @Schema(example = "2") int round,
        @Schema(example = "1") int line,
        @Schema(example = "COMMITTED", allowableValues = {"ALLOCATED", "REVISED", "TRANSFERRED_IN", "TRANSFERRED_OUT",
                "COMMITTED", "RELEASED", "SPENT", "CARRIED_OVER"}) String kind,
        @Schema(description = "signed: RELEASED and TRANSFERRED_OUT are negative, REVISED either", example = "21700.00")
        BigDecimal amount,
        @Schema(description = "the activity whose funding it is") @Nullable UUID activity,
        @Schema(description = "the activity's funding request", example = "1") @Nullable Integer request,
        @Nullable UUID commitment,
        @Nullable UUID expenditure,
        @Nullable UUID transfer,
        @Schema(example = "round 2 received") @Nullable String reason,
        @Schema(description = "the letter it rests on", example = "ศธ 04002/ว2345") @Nullable String documentRef,
        Instant recordedAt,
        @Schema(description = "the token subject that recorded it", example = "obec-admin") String recordedBy) {

    public static MovementView of(MovementRepository.MovementRow row) {
        return new MovementView(row.id(), row.round(), row.line(), row.kind(), row.amount(), row.activity(),
                row.request(), row.commitment(), row.expenditure(), row.transfer(), row.reason(), row.documentRef(),
                row.recordedAt(), row.recordedBy());
    }
}
