package th.tambon.schools.esa.application;

import th.tambon.schools.esa.model.EsaKind;

/** The command to register an ESA; its fields are already well-formed (checked at the edge). */
public record RegisterEsa(String code, EsaKind kind, int zone, String provinceCode, String province, String nameTh,
                          String nameEn, String director) {
}
