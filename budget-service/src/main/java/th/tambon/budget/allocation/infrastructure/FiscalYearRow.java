package th.tambon.budget.allocation.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;

/** A row of {@code fiscal_year}: an ESA's fiscal year, open or closed, and the version of its key on budget.v1. */
@MappedEntity("fiscal_year")
public record FiscalYearRow(@EmbeddedId Key key, @Nullable Instant closedAt, @Nullable String closedBy, long version,
                            Instant updatedAt) {

    @Embeddable
    public record Key(@MappedProperty("esa") String esa, @MappedProperty("year") int year) {
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** The row after one more event on its key. */
    public FiscalYearRow announced(Instant at) {
        return new FiscalYearRow(key, closedAt, closedBy, version + 1, at);
    }

    public FiscalYearRow closed(Instant at, String by) {
        return new FiscalYearRow(key, at, by, version + 1, at);
    }
}
