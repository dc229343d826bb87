package th.tambon.gateway.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.gateway.sources.SectionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The national overview: a page of ESA rows, sorted, and the totals of every row the filters keep. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One row per ESA for a fiscal year, filtered, sorted and paged, with the totals of all the "
        + "filtered rows")
public record Overview(
        @Schema(example = "2563") int fiscalYear,
        LocalDate firstDay, LocalDate lastDay, String firstDayTh, String lastDayTh,
        @Schema(description = "the filters applied") @Nullable String kind, @Nullable String provinceCode,
        @Schema(description = "the order: a column, a leading - for descending; ties by esa", example = "-spent") String sort,
        @Schema(description = "this page's rows") List<OverviewRow> items,
        int page, int size, long totalItems, int totalPages,
        @Schema(description = "every filtered row summed (esa ALL); a figure is null when its source is unavailable, "
                + "every figure when schools-service, which alone applies kind and province, is; schools reached "
                + "are not summed (a school reached by two ESAs counts in each)")
        OverviewRow totals,
        @Schema(description = "each source's status: OK, STALE or UNAVAILABLE") Map<String, SectionStatus> sections,
        @Schema(description = "for each STALE section, when its source gave the answer shown") Map<String, Instant> staleAsOf,
        Instant composedAt) {
}
