package th.tambon.contracts.schools;

import th.tambon.contracts.EventData;

import java.time.Instant;

/**
 * A school was registered under an ESA. Key: {@code code}.
 *
 * @param code       8-digit SMIS code
 * @param esa        code of the ESA the school belongs to
 * @param tambonCode DOPA tambon code, 6 digits
 * @param nameEn     may be null
 * @param director   may be null
 * @param students   number of students, null when unknown (absent before Tambon 0.3)
 * @param teachers   number of teachers, null when unknown (absent before Tambon 0.3)
 * @param version    the school's version after this change (1 when registered); 0 in events published before
 *                   versions existed
 */
public record SchoolRegistered(
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
        long version) implements EventData {

    @Override
    public String key() {
        return code;
    }
}
