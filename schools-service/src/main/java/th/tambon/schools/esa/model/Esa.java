package th.tambon.schools.esa.model;

import java.time.Instant;
import java.util.Optional;

/**
 * An Educational Service Area office (สำนักงานเขตพื้นที่การศึกษา). Its code spells kind, province and zone:
 * {@code P31-4} is สพป.บุรีรัมย์ เขต 4. {@code version} counts its changes, 1 when registered.
 */
public record Esa(String code, EsaKind kind, int zone, String provinceCode, String province, String nameTh,
                  String nameEn, String director, Instant registeredAt, long version) {

    /** Why a code disagrees with the kind, province or zone given with it; empty when they agree. */
    public static Optional<String> codeMismatch(String code, EsaKind kind, String provinceCode, int zone) {
        String expected = "" + kind.codeLetter() + provinceCode + "-" + zone;
        return code.equals(expected) ? Optional.empty()
                : Optional.of("code " + code + " does not match kind, provinceCode and zone, which make " + expected);
    }
}
