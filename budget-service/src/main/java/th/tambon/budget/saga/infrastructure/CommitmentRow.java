package th.tambon.budget.saga.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code commitment}: an activity's request committed on a line, OPEN until spent or released. */
@MappedEntity("commitment")
public record CommitmentRow(@Id UUID id, UUID lineId, UUID activity, int request, BigDecimal amount, String state,
                            Instant committedAt, @Nullable Instant settledAt, @Nullable String carriedOverRef,
                            @Nullable Boolean carriedOverWithObligation, @Nullable Instant carriedOverAt,
                            @Nullable String carriedOverBy) {
    public static final String OPEN = "OPEN";
    public static final String SPENT = "SPENT";
    public static final String RELEASED = "RELEASED";

    public boolean open() {
        return OPEN.equals(state);
    }

    public boolean carriedOver() {
        return carriedOverAt != null;
    }

    public CommitmentRow settled(String state, Instant at) {
        return new CommitmentRow(id, lineId, activity, request, amount, state, committedAt, at, carriedOverRef,
                carriedOverWithObligation, carriedOverAt, carriedOverBy);
    }
}
