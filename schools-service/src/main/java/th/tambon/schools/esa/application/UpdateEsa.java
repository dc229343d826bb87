package th.tambon.schools.esa.application;

import th.tambon.http.IfMatch;
import th.tambon.schools.esa.model.Esa;

/**
 * The command to change an ESA's names or director. {@code ifMatch} names the versions the caller's change may
 * apply to (absent: any): an ESA changed since it was read is not overwritten.
 */
public record UpdateEsa(String code, Esa.Details details, IfMatch ifMatch) {
}
