package th.tambon.schools.school.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import th.tambon.schools.school.model.School;

import java.time.Instant;

@Serdeable
@Schema(description = "A registered school")
public record SchoolView(
        @Schema(description = "SMIS code", example = "31040001") String code,
        @Schema(example = "โรงเรียนบ้านหัวฝาย") String nameTh,
        @Schema(example = "Ban Hua Fai School") @Nullable String nameEn,
        @Schema(example = "P31-4") String esa,
        @Schema(example = "บุรีรัมย์") String province,
        @Schema(example = "แคนดง") String district,
        @Schema(example = "หัวฝาย") String tambon,
        @Schema(description = "DOPA tambon code", example = "312104") String tambonCode,
        @Schema(example = "ดร.จำปา จันทะสอน") @Nullable String director,
        @Schema(description = "number of students; null when unknown", example = "212") @Nullable Integer students,
        @Schema(description = "number of teachers; null when unknown", example = "14") @Nullable Integer teachers,
        @Schema(description = "NONE for an ordinary school, else the status of its latest quality-school designation",
                example = "ACTIVE", allowableValues = {"NONE", "NOMINATED", "DESIGNATED", "ACTIVE", "WITHDRAWN"})
        String qualityStatus,
        @Schema(example = "2020-07-01T02:00:00Z") Instant registeredAt,
        @Schema(description = "when it last changed; null until then", example = "2020-07-15T03:00:00Z")
        @Nullable Instant updatedAt,
        @Schema(description = "counts the school's changes (details and designation steps): 1 when registered; also its ETag",
                example = "1") long version) {
    public static SchoolView of(School s) {
        return new SchoolView(s.code(), s.nameTh(), s.nameEn(), s.esa(), s.province(), s.district(), s.tambon(),
                s.tambonCode(), s.director(), s.students(), s.teachers(), s.qualityStatus().name(), s.registeredAt(),
                s.updatedAt(), s.version());
    }
}
