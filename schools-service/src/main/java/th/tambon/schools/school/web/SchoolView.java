package th.tambon.schools.school.web;

import io.micronaut.serde.annotation.Serdeable;
import th.tambon.schools.school.model.School;

import java.time.Instant;

@Serdeable
public record SchoolView(String code, String nameTh, String nameEn, String esa, String province, String district,
                         String tambon, String tambonCode, String director, Instant registeredAt,
                         long version) {
    static SchoolView of(School s) {
        return new SchoolView(s.code(), s.nameTh(), s.nameEn(), s.esa(), s.province(), s.district(), s.tambon(),
                s.tambonCode(), s.director(), s.registeredAt(), s.version());
    }
}
