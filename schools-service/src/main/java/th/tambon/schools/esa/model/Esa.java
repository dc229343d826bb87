package th.tambon.schools.esa.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An Educational Service Area office (สำนักงานเขตพื้นที่การศึกษา). Its code spells kind, province and zone:
 * {@code P31-4} is สพป.บุรีรัมย์ เขต 4. {@code version} counts its changes, 1 when registered; {@code updatedAt} is
 * null until the first change.
 */
public record Esa(String code, EsaKind kind, int zone, String provinceCode, String province, String nameTh,
                  String nameEn, String director, Instant registeredAt, Instant updatedAt, long version) {

    /** This ESA with the details of {@code change}; the same ESA (not a copy) when nothing differs. */
    public Esa with(Details change, Instant at) {
        if (details().equals(change)) {
            return this;
        }
        return new Esa(code, kind, zone, provinceCode, province, change.nameTh(), change.nameEn(), change.director(),
                registeredAt, at, version + 1);
    }

    /** This ESA after a change of something that is part of it (its network): one more version. */
    public Esa afterPartChanged(Instant at) {
        return new Esa(code, kind, zone, provinceCode, province, nameTh, nameEn, director, registeredAt, at, version + 1);
    }

    public Details details() {
        return new Details(nameTh, nameEn, director);
    }

    /** What an update may change: the names and the director; kind, province and zone are the code's. */
    public record Details(String nameTh, String nameEn, String director) {
    }

    /** Why a code disagrees with the kind, province or zone given with it; empty when they agree. */
    public static Optional<String> codeMismatch(String code, EsaKind kind, String provinceCode, int zone) {
        String expected = "" + kind.codeLetter() + provinceCode + "-" + zone;
        return code.equals(expected) ? Optional.empty()
                : Optional.of("code " + code + " does not match kind, provinceCode and zone, which make " + expected);
    }
}
