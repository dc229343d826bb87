package th.tambon.schools.esa.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.esa.model.EsaKind;

import java.time.Instant;

/** A row of the {@code esa} table; {@link Esa} is what the rest of the service sees. */
@MappedEntity("esa")
public record EsaRow(@Id String code, String kind, int zone, String provinceCode, String province, String nameTh,
                     String nameEn, @Nullable String director, Instant registeredAt, @Nullable Instant updatedAt,
                     long version) {

    static EsaRow of(Esa esa) {
        return new EsaRow(esa.code(), esa.kind().name(), esa.zone(), esa.provinceCode(), esa.province(), esa.nameTh(),
                esa.nameEn(), esa.director(), esa.registeredAt(), esa.updatedAt(), esa.version());
    }

    Esa toEsa() {
        return new Esa(code, EsaKind.valueOf(kind), zone, provinceCode, province, nameTh, nameEn, director,
                registeredAt, updatedAt, version);
    }
}
