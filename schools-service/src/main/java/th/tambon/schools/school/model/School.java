package th.tambon.schools.school.model;

import th.tambon.schools.designation.model.QualityStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A school, known by its 8-digit SMIS code, in a tambon (6-digit DOPA code) and under one ESA. {@code students} and
 * {@code teachers} may be unknown (null). {@code qualityStatus} is kept by its designations. {@code version} counts
 * its changes, 1 when registered.
 */
public record School(String code, String nameTh, String nameEn, String esa, String province, String district,
                     String tambon, String tambonCode, String director, Integer students, Integer teachers,
                     QualityStatus qualityStatus, Instant registeredAt, Instant updatedAt, long version) {

    /**
     * Why a tambon cannot belong to an ESA's area; empty when it can. A DOPA tambon code starts with its province's
     * code, and an ESA serves one province: 312104 (บุรีรัมย์) can be under P31-4, never under P51-1.
     */
    public static Optional<String> tambonOutsideProvince(String tambonCode, String esaCode, String esaProvinceCode) {
        return tambonCode.startsWith(esaProvinceCode) ? Optional.empty()
                : Optional.of("tambon " + tambonCode + " is not in province " + esaProvinceCode + " that " + esaCode
                + " serves: its first two digits must be " + esaProvinceCode);
    }

    /** This school with the details of {@code change}; the same school (not a copy) when nothing differs. */
    public School with(Details change, Instant at) {
        if (details().equals(change)) {
            return this;
        }
        return new School(code, change.nameTh(), change.nameEn(), esa, change.province(), change.district(),
                change.tambon(), tambonCode, change.director(), change.students(), change.teachers(), qualityStatus,
                registeredAt, at, version + 1);
    }

    /** This school after a step of its designation: the step's status, one more version. */
    public School afterDesignationStep(QualityStatus status, Instant at) {
        return new School(code, nameTh, nameEn, esa, province, district, tambon, tambonCode, director, students,
                teachers, status, registeredAt, at, version + 1);
    }

    public Details details() {
        return new Details(nameTh, nameEn, province, district, tambon, director, students, teachers);
    }

    /** What an update may change: everything but the SMIS code, the ESA and the tambon code. */
    public record Details(String nameTh, String nameEn, String province, String district, String tambon,
                         String director, Integer students, Integer teachers) {
        public Details {
            Objects.requireNonNull(nameTh, "nameTh");
        }
    }
}
