package th.tambon.budget.transfer.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.transfer.infrastructure.TransferRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A transfer as recorded. */
@Serdeable
@Schema(description = "A transfer between two lines of an ESA's fiscal year (โอนเปลี่ยนแปลง)")
public record TransferView(UUID id, String esa, int fiscalYear, LinePlaceView from, LinePlaceView to,
                           BigDecimal amount, String reason, String documentRef, String transferredBy,
                           Instant transferredAt) {

    /** A line by its round and number. */
    @Serdeable
    @Schema(description = "A line by its round and its number within the round")
    public record LinePlaceView(int round, int line) {
        static LinePlaceView of(LineRow row) {
            return new LinePlaceView(row.round(), row.line());
        }
    }

    /** The transfer, its lines found among {@code lines} by id. */
    public static TransferView of(TransferRow row, Map<UUID, LineRow> lines) {
        return new TransferView(row.id(), row.esa(), row.fiscalYear(), LinePlaceView.of(lines.get(row.fromLine())),
                LinePlaceView.of(lines.get(row.toLine())), row.amount(), row.reason(), row.documentRef(),
                row.transferredBy(), row.transferredAt());
    }
}
