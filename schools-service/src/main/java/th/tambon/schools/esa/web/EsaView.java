package th.tambon.schools.esa.web;

import io.micronaut.serde.annotation.Serdeable;
import th.tambon.schools.esa.model.Esa;

import java.time.Instant;

@Serdeable
public record EsaView(String code, String kind, int zone, String provinceCode, String province, String nameTh,
                      String nameEn, String director, Instant registeredAt, long version) {
    static EsaView of(Esa esa) {
        return new EsaView(esa.code(), esa.kind().name(), esa.zone(), esa.provinceCode(), esa.province(), esa.nameTh(),
                esa.nameEn(), esa.director(), esa.registeredAt(), esa.version());
    }
}
