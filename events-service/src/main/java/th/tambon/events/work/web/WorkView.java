package th.tambon.events.work.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.events.work.infrastructure.ForwardingRow;
import th.tambon.events.work.infrastructure.WorkStepRow;
import th.tambon.events.work.model.Work;
import th.tambon.http.ThaiDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(description = "An outstanding work presented at an activity, the ESA's decision on it and, once forwarded, "
        + "the letter that took it to OBEC; with its history when read alone")
public record WorkView(
        @Schema(description = "the work's id") String id,
        @Schema(description = "the activity it was presented at") String activity,
        @Schema(example = "P51-1") String esa,
        @Schema(example = "51910001") String school,
        String title,
        @Schema(example = "INNOVATION") String track,
        @Schema(example = "1 โรงเรียน 1 นวัตกรรม") String trackTh,
        @Schema(example = "TEACHER") String presenterCategory,
        @Schema(example = "ครู") String presenterCategoryTh,
        @Nullable String presenter,
        @Schema(example = "FORWARDED") String status,
        @Schema(example = "ส่งต่อ สพฐ. แล้ว") String statusTh,
        @Schema(description = "the ESA's note on its decision") @Nullable String note,
        @Schema(type = "object", description = "the letter that forwarded it to OBEC, once FORWARDED")
        @Nullable ForwardedWith forwarding,
        @Schema(description = "what happened to it, the first first; absent in lists") @Nullable List<StepView> history,
        @Schema(description = "counts its changes: 1 when presented; also its ETag", example = "3") long version) {

    static WorkView of(Work work, ForwardingRow forwarding, List<WorkStepRow> history) {
        return new WorkView(work.id().toString(), work.activity().toString(), work.esa(), work.school(), work.title(),
                work.track().name(), work.track().labelTh(), work.presenterCategory().name(),
                work.presenterCategory().labelTh(), work.presenter(), work.status().name(), work.status().labelTh(),
                work.note(), forwarding == null ? null : ForwardedWith.of(forwarding),
                history == null ? null : history.stream().map(StepView::of).toList(), work.version());
    }

    @Serdeable
    @Schema(description = "The ESA's letter that forwarded a work to OBEC")
    public record ForwardedWith(
            @Schema(description = "the forwarding's id (GET /api/v1/works/forwardings/{id})") String id,
            @Schema(example = "ศธ 04142/1234") String documentRef,
            @Schema(example = "2020-10-05") LocalDate sentOn,
            @Schema(example = "5 ตุลาคม 2563") String sentOnTh) {
        static ForwardedWith of(ForwardingRow row) {
            return new ForwardedWith(row.id().toString(), row.documentRef(), row.sentOn(), ThaiDates.format(row.sentOn()));
        }
    }

    @Serdeable
    @Schema(description = "One change of a work")
    public record StepView(
            @Schema(description = "its status after the change", example = "SELECTED") String status,
            @Nullable String note,
            @Schema(description = "the forwarding, when it was forwarded") @Nullable String forwarding,
            Instant recordedAt,
            @Schema(description = "who: the token's subject") String recordedBy) {
        static StepView of(WorkStepRow row) {
            return new StepView(row.status(), row.note(), row.forwarding() == null ? null : row.forwarding().toString(),
                    row.recordedAt(), row.recordedBy());
        }
    }
}
