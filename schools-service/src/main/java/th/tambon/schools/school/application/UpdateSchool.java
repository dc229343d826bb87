package th.tambon.schools.school.application;

import th.tambon.http.IfMatch;
import th.tambon.schools.school.model.School;

/**
 * The command to change a school's details. {@code ifMatch} names the versions the caller's change may apply to
 * (absent: any): a school changed since it was read is not overwritten.
 */
public record UpdateSchool(String code, School.Details details, IfMatch ifMatch) {
}
