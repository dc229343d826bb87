package th.tambon.budget.saga.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code funding_saga}: an activity's funding as budget-service handles it. {@code seenVersion} is the newest
 * events.v1 funding version handled (one at or below it is a replay), {@code version} the newest of budget-service's
 * own events on the activity's key.
 */
@MappedEntity("funding_saga")
public record SagaRow(@Id UUID activity, String esa, int request, String state, long seenVersion, long version,
                      Instant startedAt, Instant updatedAt) {

    /** Whether a funding event with this events.v1 version was handled already. */
    public boolean handled(long fundingVersion) {
        return fundingVersion <= seenVersion;
    }

    /** The saga after a funding event with {@code fundingVersion} was handled, its state now {@code state}. */
    public SagaRow seen(long fundingVersion, int request, String state, Instant at) {
        return new SagaRow(activity, esa, request, state, fundingVersion, version, startedAt, at);
    }

    /** The saga after one more of budget-service's events on the activity's key. */
    public SagaRow announced() {
        return new SagaRow(activity, esa, request, state, seenVersion, version + 1, startedAt, updatedAt);
    }
}
