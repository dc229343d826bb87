package th.tambon.events.activity.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code activity}; {@link Activities} turns it into the domain's {@code Activity} and back. */
@MappedEntity("activity")
public record ActivityRow(@Id UUID id, String esa, String ref, String type, String titleTh,
                          @TypeDef(type = DataType.STRING_ARRAY) String[] tracks, @Nullable String venueSchool,
                          @Nullable String venue, @Nullable String organiser, @Nullable String chair,
                          @Nullable String chairTitle, Instant startAt, String startOffset, Instant endAt,
                          String endOffset, LocalDate startsOn, @Nullable Integer academicYear,
                          @TypeDef(type = DataType.STRING_ARRAY) String[] agenda, @Nullable Integer fundingFiscalYear,
                          @Nullable Integer fundingRound, @Nullable Integer fundingLine,
                          @Nullable BigDecimal costEstimate, @Nullable BigDecimal actualCost, boolean fundsCommitted,
                          String state, @Nullable String stateReason, Instant updatedAt,
                          long version) {
}
