package th.tambon.budget.saga.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import th.tambon.budget.allocation.application.ReadingRounds;
import th.tambon.budget.saga.infrastructure.SagaRepository;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.saga.infrastructure.SagaStepRepository;
import th.tambon.budget.saga.infrastructure.SagaStepRow;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The funding sagas as people see them: one activity's (its state and steps with times), and the pending ones: money
 * still committed (COMMITTED, or SPENDING_REFUSED) with no step for longer than {@code tambon.budget.saga.pending-after}
 * (30 days unless configured), judged by the service's clock; counted on every scrape as the gauge
 * {@code tambon.budget.saga.pending}.
 */
@Context
public class ReadingSagas {
    private final SagaRepository sagas;
    private final SagaStepRepository steps;
    private final Clock clock;
    private final Duration pendingAfter;

    public ReadingSagas(SagaRepository sagas, SagaStepRepository steps, Clock clock,
                        @Value("${tambon.budget.saga.pending-after:30d}") Duration pendingAfter, MeterRegistry meters) {
        if (pendingAfter.isNegative() || pendingAfter.isZero()) {
            throw new IllegalArgumentException("tambon.budget.saga.pending-after must be longer than 0, not "
                    + pendingAfter);
        }
        this.sagas = sagas;
        this.steps = steps;
        this.clock = clock;
        this.pendingAfter = pendingAfter;
        Gauge.builder("tambon.budget.saga.pending", this, ReadingSagas::countPending)
                .description("Funding sagas holding committed money with no step for longer than "
                        + "tambon.budget.saga.pending-after")
                .strongReference(true)
                .register(meters);
    }

    /** An activity's saga and its steps. */
    public record Saga(SagaRow saga, List<SagaStepRow> steps) {
    }

    public Outcome<Saga> saga(UUID activity, Actor actor) {
        var found = sagas.findById(activity);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "budget-service has no funding saga of "
                    + "activity " + activity);
        }
        if (!ReadingRounds.mayRead(actor, found.get().esa())) {
            return Outcome.forbidden("Only OBEC, viewers or an officer of " + found.get().esa()
                    + " read its funding sagas");
        }
        return Outcome.done(new Saga(found.get(), steps.findByActivityOrderById(activity)));
    }

    /** The pending sagas of {@code esa} (every ESA's when null; an officer's own ESA's), the oldest first. */
    public Outcome<Page<SagaRow>> pending(String esa, Actor actor, Pageable pageable) {
        String of = esa;
        if (!actor.is(Role.OBEC_ADMIN) && !actor.is(Role.VIEWER)) {
            if (actor.esa() == null || (esa != null && !esa.equals(actor.esa()))) {
                return Outcome.forbidden("An ESA officer sees the pending sagas of its own ESA"
                        + (esa == null ? "" : ", not of " + esa));
            }
            of = actor.esa();
        }
        return Outcome.done(sagas.pending(before(), of, pageable));
    }

    public Duration pendingAfter() {
        return pendingAfter;
    }

    public Instant now() {
        return Bangkok.now(clock);
    }

    public long countPending() {
        return sagas.countPending(before());
    }

    private Instant before() {
        return now().minus(pendingAfter);
    }
}
