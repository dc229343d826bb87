package th.tambon.schools.school.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.schools.school.model.School;

import java.time.Instant;

/** A row of the {@code school} table; {@link School} is what the rest of the service sees. */
@MappedEntity("school")
public record SchoolRow(@Id String code, String nameTh, @Nullable String nameEn, String esa, String province,
                        String district, String tambon, String tambonCode, @Nullable String director,
                        Instant registeredAt, long version) {

    static SchoolRow of(School s) {
        return new SchoolRow(s.code(), s.nameTh(), s.nameEn(), s.esa(), s.province(), s.district(), s.tambon(),
                s.tambonCode(), s.director(), s.registeredAt(), s.version());
    }

    School toSchool() {
        return new School(code, nameTh, nameEn, esa, province, district, tambon, tambonCode, director, registeredAt,
                version);
    }
}
