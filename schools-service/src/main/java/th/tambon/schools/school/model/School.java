package th.tambon.schools.school.model;

import java.time.Instant;

/**
 * A school, known by its 8-digit SMIS code, in a tambon (6-digit DOPA code) and under one ESA. {@code version}
 * counts its changes, 1 when registered.
 */
public record School(String code, String nameTh, String nameEn, String esa, String province, String district,
                     String tambon, String tambonCode, String director, Instant registeredAt, long version) {
}
