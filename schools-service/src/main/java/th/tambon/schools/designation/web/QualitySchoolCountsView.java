package th.tambon.schools.designation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.designation.infrastructure.QualitySchoolCountRepository.EsaCount;

import java.time.LocalDate;
import java.util.List;

@Serdeable
@Schema(description = "Every ESA asked, with its schools and its quality schools active on a date")
public record QualitySchoolCountsView(
        @Schema(description = "the fiscal year asked (BE); null when activeOn was asked", example = "2563")
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer fiscalYear,
        @Schema(description = "the date counted: the fiscal year's last day, or activeOn", example = "2020-09-30")
        LocalDate activeOn,
        @Schema(description = "one entry per registered ESA matching the filters, by ESA code")
        @JsonInclude(JsonInclude.Include.ALWAYS) List<EsaCountView> esas) {

    static QualitySchoolCountsView of(@Nullable Integer fiscalYear, LocalDate activeOn, List<EsaCount> counts) {
        return new QualitySchoolCountsView(fiscalYear, activeOn, counts.stream().map(EsaCountView::of).toList());
    }

    @Serdeable
    @Schema(description = "An ESA (as GET /api/v1/esas names it) with its counts")
    public record EsaCountView(
            @Schema(description = "ESA code", example = "P31-4") String esa,
            @Schema(example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4") String nameTh,
            @Schema(example = "Buriram Primary Educational Service Area Office 4") String nameEn,
            @Schema(description = "PRIMARY (สพป.) or SECONDARY (สพม.)", example = "PRIMARY") String kind,
            @Schema(example = "4") int zone,
            @Schema(example = "31") String provinceCode,
            @Schema(example = "บุรีรัมย์") String province,
            @Schema(description = "its registered schools", example = "71") long schools,
            @Schema(description = "its quality schools active on activeOn (as GET /api/v1/quality-schools lists them)",
                    example = "40") long qualitySchools) {
        static EsaCountView of(EsaCount count) {
            return new EsaCountView(count.esa(), count.nameTh(), count.nameEn(), count.kind(), count.zone(),
                    count.provinceCode(), count.province(), count.schools(), count.qualitySchools());
        }
    }
}
