package th.tambon.schools.school.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.school.model.School;
import th.tambon.schools.school.model.SearchKey;

import java.time.Instant;

/**
 * A row of the {@code school} table; {@link School} is what the rest of the service sees. {@code searchKey} is
 * derived from the names ({@link SearchKey}) and never read back.
 */
@MappedEntity("school")
public record SchoolRow(@Id String code, String nameTh, @Nullable String nameEn, String esa, String province,
                        String district, String tambon, String tambonCode, @Nullable String director,
                        @Nullable Integer students, @Nullable Integer teachers, String qualityStatus,
                        String searchKey, Instant registeredAt, @Nullable Instant updatedAt, long version) {

    static SchoolRow of(School s) {
        return new SchoolRow(s.code(), s.nameTh(), s.nameEn(), s.esa(), s.province(), s.district(), s.tambon(),
                s.tambonCode(), s.director(), s.students(), s.teachers(), s.qualityStatus().name(),
                SearchKey.of(s.nameTh(), s.nameEn()), s.registeredAt(), s.updatedAt(), s.version());
    }

    School toSchool() {
        return new School(code, nameTh, nameEn, esa, province, district, tambon, tambonCode, director, students,
                teachers, QualityStatus.valueOf(qualityStatus), registeredAt, updatedAt, version);
    }
}
