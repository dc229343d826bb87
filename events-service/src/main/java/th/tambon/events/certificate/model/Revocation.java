package th.tambon.events.certificate.model;

import java.time.Instant;

/** When, by whom (the token's subject) and why a certificate was revoked. */
public record Revocation(Instant at, String by, String reason) {
}
