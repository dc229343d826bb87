package th.tambon.events.certificate.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.certificate.infrastructure.CertificateRegister;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.http.IfMatch;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An officer of the certificate's ESA (or OBEC) revokes it with a reason: from then on the public lookup says it was
 * revoked, and when. Revoking it again is a 409. With the certificate's row locked, in one transaction: the
 * certificate at version 2, {@code certificate.revoked.v1} and the audit entry. Its number stays used.
 */
@Singleton
public class RevokingCertificates {
    private final CertificateRegister certificates;
    private final CertificateEvents events;
    private final Clock clock;

    public RevokingCertificates(CertificateRegister certificates, CertificateEvents events, Clock clock) {
        this.certificates = certificates;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Certificate> revoke(UUID id, String reason, IfMatch ifMatch, Actor actor) {
        Optional<Certificate> found = certificates.findForChange(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "certificate", "No certificate " + id);
        }
        Certificate certificate = found.get();
        if (!actor.mayWriteWithinEsa(certificate.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + certificate.esa() + " revokes its certificates");
        }
        if (Outcome.stale(ifMatch, certificate.version())) {
            return Outcome.stale("The certificate", certificate.version(), ifMatch);
        }
        Instant now = Bangkok.now(clock);
        Step<Certificate> step = certificate.revoke(reason, now, actor.subject());
        if (!step.taken()) {
            return step.rejection();
        }
        certificates.update(step.result());
        return Outcome.done(events.revoked(step.result(), actor));
    }
}
