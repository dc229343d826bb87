package th.tambon.events.certificate.application;

import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.events.CertificateAwarded;
import th.tambon.contracts.events.CertificateRevoked;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.security.Actor;

/**
 * What every change of a certificate leaves behind, in the change's transaction: its event on events.v1 (key the
 * certificate's id, its own version) and the audit entry. The verification code stays out of both: it is the
 * capability printed on the paper.
 */
@Singleton
public class CertificateEvents {
    private final Outbox outbox;
    private final AuditTrail audit;

    public CertificateEvents(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    public Certificate awarded(Certificate c, Actor actor) {
        CertificateAwarded event = new CertificateAwarded(c.id().toString(), c.activity().toString(), c.esa(),
                c.academicYear(), c.number(), c.recipient().school(), c.recipient().person(),
                c.recipient().personTitle(), c.recipient().name(), c.text().givenOn(), c.awardedAt(), c.version());
        outbox.append(event, c.awardedAt());
        audit.record(actor, "AwardCertificate", "certificate", c.id().toString(), event);
        return c;
    }

    public Certificate revoked(Certificate c, Actor actor) {
        CertificateRevoked event = new CertificateRevoked(c.id().toString(), c.activity().toString(), c.esa(),
                c.academicYear(), c.number(), c.recipient().school(), c.recipient().person(), c.recipient().name(),
                c.text().givenOn(), c.revocation().reason(), c.revocation().at(), c.version());
        outbox.append(event, c.revocation().at());
        audit.record(actor, "RevokeCertificate", "certificate", c.id().toString(), event);
        return c;
    }
}
