package th.tambon.schools.school.application;

import th.tambon.schools.school.model.School;

/**
 * The command to change a school's details. {@code expectedVersion}, when set, is the version the caller last saw
 * (HTTP {@code If-Match}): a school changed since is not overwritten.
 */
public record UpdateSchool(String code, School.Details details, Long expectedVersion) {
}
