package th.tambon.budget.saga.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code funding_answer}: the answer budget-service gave to an activity's request, once: a commitment or a
 * refusal with its reason. Asked again, it repeats this answer.
 */
@MappedEntity("funding_answer")
public record AnswerRow(@EmbeddedId Key key, String esa, int fiscalYear, int round, int line, BigDecimal amount,
                        @Nullable UUID commitment, @Nullable String reason, @Nullable String message,
                        Instant answeredAt) {

    @Embeddable
    public record Key(@MappedProperty("activity") UUID activity, @MappedProperty("request") int request) {
    }

    public boolean committed() {
        return commitment != null;
    }

    /** Whether a request asks for what this answer answered (2100 and 2100.00 are the same baht). */
    public boolean answers(String esa, int fiscalYear, int round, int line, BigDecimal amount) {
        return this.esa.equals(esa) && this.fiscalYear == fiscalYear && this.round == round && this.line == line
                && this.amount.compareTo(amount) == 0;
    }
}
