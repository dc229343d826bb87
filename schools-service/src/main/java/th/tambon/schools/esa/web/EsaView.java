package th.tambon.schools.esa.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.esa.model.Esa;

import java.time.Instant;

@Serdeable
@Schema(description = "A registered ESA")
public record EsaView(
        @Schema(example = "P31-4") String code,
        @Schema(description = "PRIMARY (สพป.) or SECONDARY (สพม.)", example = "PRIMARY") String kind,
        @Schema(example = "4") int zone,
        @Schema(example = "31") String provinceCode,
        @Schema(example = "บุรีรัมย์") String province,
        @Schema(example = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4") String nameTh,
        @Schema(example = "Buriram Primary Educational Service Area Office 4") String nameEn,
        @Schema(example = "นายสมชาย ใจดี") @Nullable String director,
        @Schema(example = "2020-07-01T02:00:00Z") Instant registeredAt,
        @Schema(description = "when it last changed; null until then", example = "2020-09-01T03:00:00Z")
        @Nullable Instant updatedAt,
        @Schema(description = "counts the ESA's changes: 1 when registered; also its ETag", example = "1") long version) {
    static EsaView of(Esa esa) {
        return new EsaView(esa.code(), esa.kind().name(), esa.zone(), esa.provinceCode(), esa.province(), esa.nameTh(),
                esa.nameEn(), esa.director(), esa.registeredAt(), esa.updatedAt(), esa.version());
    }
}
