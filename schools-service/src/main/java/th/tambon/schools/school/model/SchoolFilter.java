package th.tambon.schools.school.model;

import th.tambon.schools.designation.model.QualityStatus;

/**
 * What a list of schools is narrowed to; each field null when not asked for. Province, district and tambon are
 * DOPA codes (2, 4 and 6 digits), each the start of the next: {@link #tambonCodePrefix()} is the most precise one.
 */
public record SchoolFilter(String esa, String provinceCode, String districtCode, String tambonCode,
                           QualityStatus qualityStatus, String nameContains) {

    /** The tambon codes asked for, as the prefix they share; null when no place was asked for. */
    public String tambonCodePrefix() {
        return tambonCode != null ? tambonCode : districtCode != null ? districtCode : provinceCode;
    }

    /** Why the places asked for cannot all hold, e.g. district 3121 inside province 51; null when they can. */
    public String contradiction() {
        if (provinceCode != null && districtCode != null && !districtCode.startsWith(provinceCode)) {
            return "district " + districtCode + " is not in province " + provinceCode;
        }
        String outer = districtCode != null ? districtCode : provinceCode;
        if (outer != null && tambonCode != null && !tambonCode.startsWith(outer)) {
            return "tambon " + tambonCode + " is not in " + (districtCode != null ? "district " : "province ") + outer;
        }
        return null;
    }
}
