package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;

/**
 * An ESA's names or director changed. Carries the ESA's whole state after the change, so a consumer that keeps the
 * highest {@code version} it has seen holds the ESA as it is. Key: {@code code}.
 *
 * @param director  may be null
 * @param updatedAt when the change was made
 * @param version   the ESA's version after this change (2 or more)
 */
public record EsaUpdated(
        String code,
        String kind,
        int zone,
        String provinceCode,
        String province,
        String nameTh,
        String nameEn,
        String director,
        Instant registeredAt,
        Instant updatedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return code;
    }
}
