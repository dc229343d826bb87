package th.tambon.schools.school.application;

/**
 * The command to register a school; its fields are already well-formed (checked at the edge). {@code nameEn},
 * {@code director}, {@code students} and {@code teachers} may be null.
 */
public record RegisterSchool(String code, String nameTh, String nameEn, String esa, String province, String district,
                             String tambon, String tambonCode, String director, Integer students, Integer teachers) {
}
