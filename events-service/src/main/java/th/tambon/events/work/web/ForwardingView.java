package th.tambon.events.work.web;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.work.infrastructure.ForwardingRow;
import th.tambon.http.ThaiDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(description = "An ESA's letter forwarding selected works to OBEC, with the works in the order it listed them")
public record ForwardingView(
        @Schema(description = "the forwarding's id") String id,
        @Schema(example = "P51-1") String esa,
        @Schema(description = "the letter's number", example = "ศธ 04142/1234") String documentRef,
        @Schema(example = "2020-10-05") LocalDate sentOn,
        @Schema(example = "5 ตุลาคม 2563") String sentOnTh,
        Instant recordedAt,
        @Schema(description = "who recorded it: the token's subject") String recordedBy,
        @Schema(description = "the works it forwarded (without their history)") List<WorkView> works) {

    static ForwardingView of(ForwardingRow row, List<WorkView> works) {
        return new ForwardingView(row.id().toString(), row.esa(), row.documentRef(), row.sentOn(),
                ThaiDates.format(row.sentOn()), row.recordedAt(), row.recordedBy(), works);
    }
}
