package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;

/**
 * An Educational Service Area office (สพป./สพม.) was registered. Key: {@code code}.
 *
 * @param code         natural key, e.g. {@code P31-4} for สพป.บุรีรัมย์ เขต 4
 * @param kind         {@code PRIMARY} (สพป.) or {@code SECONDARY} (สพม.)
 * @param zone         the area number (เขต)
 * @param provinceCode DOPA province code, 2 digits
 * @param director     may be null
 * @param version      the ESA's version after this change (1 when registered); 0 in events published before
 *                     versions existed
 */
public record EsaRegistered(
        String code,
        String kind,
        int zone,
        String provinceCode,
        String province,
        String nameTh,
        String nameEn,
        String director,
        Instant registeredAt,
        long version) implements EventData {

    @Override
    public String key() {
        return code;
    }
}
