package th.tambon.schools.esa.application;

import th.tambon.schools.esa.model.Esa;

/**
 * The command to change an ESA's names or director. {@code expectedVersion}, when set, is the version the caller last
 * saw (HTTP {@code If-Match}): an ESA changed since is not overwritten.
 */
public record UpdateEsa(String code, Esa.Details details, Long expectedVersion) {
}
