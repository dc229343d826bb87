package th.tambon.budget.saga.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.budget.saga.application.ReadingSagas;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.saga.infrastructure.SagaStepRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity's funding saga as budget-service saw it. */
@Serdeable
@Schema(description = "An activity's funding saga in budget-service: its state (COMMITTED, REJECTED, SPENT, "
        + "SPENDING_REFUSED, RELEASED), the current request and every step with its time")
public record SagaView(UUID activity, String esa, int request, String state, Instant startedAt, Instant updatedAt,
                       long version, @Nullable List<Step> steps) {

    /** A step: REQUESTED, REQUESTED_AGAIN, COMMITTED, REJECTED, SPENT, SPENDING_REFUSED, RELEASED… */
    @Serdeable
    public record Step(int request, String step, @Nullable BigDecimal amount, @Nullable String reason,
                       @Nullable String message, Instant at) {
    }

    public static SagaView of(ReadingSagas.Saga saga) {
        return of(saga.saga(), saga.steps());
    }

    public static SagaView of(SagaRow row, List<SagaStepRow> steps) {
        return new SagaView(row.activity(), row.esa(), row.request(), row.state(), row.startedAt(), row.updatedAt(),
                row.version(), steps == null ? null : steps.stream().map(s -> new Step(s.request(), s.step(),
                s.amount(), s.reason(), s.message(), s.at())).toList());
    }
}
