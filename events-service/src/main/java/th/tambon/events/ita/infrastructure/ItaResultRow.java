package th.tambon.events.ita.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code ita_result}; {@link ItaResults} turns it into the domain's {@code ItaResult} and back. */
@MappedEntity("ita_result")
public record ItaResultRow(@Id String id, String subjectType, String code, int fiscalYear, String esa,
                           BigDecimal score, String level, @Nullable BigDecimal iit, @Nullable BigDecimal eit,
                           @Nullable BigDecimal oit, Instant recordedAt, String recordedBy, long version) {
}
