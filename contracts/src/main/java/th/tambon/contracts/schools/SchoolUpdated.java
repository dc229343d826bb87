package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;

/**
 * A school's details changed (names, place names, director, size). Carries the school's whole state after the
 * change, so a consumer that keeps the highest {@code version} it has seen holds the school as it is. The SMIS code,
 * the ESA and the tambon code never change. Key: {@code code}.
 *
 * @param nameEn    may be null
 * @param director  may be null
 * @param students  null when unknown
 * @param teachers  null when unknown
 * @param updatedAt when the change was made
 * @param version   the school's version after this change (2 or more)
 */
public record SchoolUpdated(
        String code,
        String nameTh,
        String nameEn,
        String esa,
        String province,
        String district,
        String tambon,
        String tambonCode,
        String director,
        Integer students,
        Integer teachers,
        Instant registeredAt,
        Instant updatedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return code;
    }
}
