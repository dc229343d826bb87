package th.tambon.budget.saga.application;

import jakarta.inject.Singleton;
import th.tambon.budget.saga.infrastructure.SagaRepository;
import th.tambon.budget.saga.infrastructure.SagaRow;
import th.tambon.budget.saga.infrastructure.SagaStepRepository;
import th.tambon.budget.saga.infrastructure.SagaStepRow;
import th.tambon.contracts.EventData;
import th.tambon.messaging.outbox.Outbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * What each step of a saga leaves behind in its transaction: the saga row as it now is, a step for people and, when the
 * step answers events-service, the event on budget.v1 with the saga's next version (the activity's key).
 */
@Singleton
public class SagaJournal {
    private final SagaRepository sagas;
    private final SagaStepRepository steps;
    private final Outbox outbox;

    public SagaJournal(SagaRepository sagas, SagaStepRepository steps, Outbox outbox) {
        this.sagas = sagas;
        this.steps = steps;
        this.outbox = outbox;
    }

    /** A step for people, without an event. */
    public void step(SagaRow saga, int request, String step, BigDecimal amount, String reason, String message,
                     Instant at) {
        steps.save(new SagaStepRow(null, saga.activity(), request, step, amount, reason, message, at));
    }

    /** Stores the saga as it is after a step that publishes nothing. */
    public SagaRow keep(SagaRow saga) {
        return sagas.update(saga);
    }

    /** Stores the saga with its next version and appends the event {@code event} builds with that version. */
    public SagaRow announce(SagaRow saga, LongFunction<EventData> event, Instant at) {
        SagaRow next = sagas.update(saga.announced());
        outbox.append(event.apply(next.version()), at);
        return next;
    }
}
