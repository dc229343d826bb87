package th.tambon.gateway.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An ESA's line of the national overview, or the totals line (esa "ALL"): the ESA report's headline figures. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "An ESA's figures for the fiscal year (null where their source is unavailable)")
public record OverviewRow(
        @Schema(example = "P51-1") String esa,
        @Nullable String nameTh,
        @Schema(example = "PRIMARY") @Nullable String kind,
        @Schema(example = "51") @Nullable String provinceCode,
        @Schema(example = "ลำพูน") @Nullable String province,
        @Nullable Long schools,
        @Nullable Long qualitySchools,
        @Nullable Long activitiesHeld,
        @Nullable Long participantsTotal,
        @Nullable Long certificatesAwarded,
        @Nullable Long schoolsReached,
        @Schema(example = "218700.00") @Nullable String allocated,
        @Schema(example = "0.00") @Nullable String committed,
        @Schema(example = "21700.00") @Nullable String spent,
        @Schema(example = "197000.00") @Nullable String remaining,
        @Schema(example = "9.92") @Nullable String executionRate,
        @Schema(example = "208.65") @Nullable String costPerParticipant,
        @Schema(example = "700.00") @Nullable String costPerSchoolReached) {

    /** The columns a client may sort by, as {@code sort} names them. */
    public enum Sortable {
        esa, nameTh, kind, provinceCode, province, schools, qualitySchools, activitiesHeld, participantsTotal,
        certificatesAwarded, schoolsReached, allocated, committed, spent, remaining, executionRate,
        costPerParticipant, costPerSchoolReached;

        public static final String PATTERN = "-?(esa|nameTh|kind|provinceCode|province|schools|qualitySchools|"
                + "activitiesHeld|participantsTotal|certificatesAwarded|schoolsReached|allocated|committed|spent|"
                + "remaining|executionRate|costPerParticipant|costPerSchoolReached)";
    }
}
