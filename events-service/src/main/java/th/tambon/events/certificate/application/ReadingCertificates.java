package th.tambon.events.certificate.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import th.tambon.events.activity.application.ReadingActivities;
import th.tambon.events.certificate.infrastructure.CertificateRegister;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.events.certificate.model.VerificationCode;
import th.tambon.security.Actor;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who reads which certificates: whoever may read the activity they were awarded at ({@link ReadingActivities}); and
 * anyone, without a token, the one certificate a verification code names.
 */
@Singleton
public class ReadingCertificates {
    private final CertificateRegister certificates;
    private final ReadingActivities activities;

    public ReadingCertificates(CertificateRegister certificates, ReadingActivities activities) {
        this.certificates = certificates;
        this.activities = activities;
    }

    /** A page of the activity's certificates, in number order. */
    public Outcome<Page<Certificate>> ofActivity(UUID activity, Pageable pageable, Actor actor) {
        var readable = activities.read(activity, actor);
        if (readable.rejection() != null) {
            return Outcome.rejected(readable.rejection().reason(), readable.rejection().field(),
                    readable.rejection().message());
        }
        return Outcome.done(certificates.ofActivity(activity, pageable));
    }

    /** Every certificate of the activity, in number order; an activity without any is a 404. */
    public Outcome<List<Certificate>> allOfActivity(UUID activity, Actor actor) {
        var readable = activities.read(activity, actor);
        if (readable.rejection() != null) {
            return Outcome.rejected(readable.rejection().reason(), readable.rejection().field(),
                    readable.rejection().message());
        }
        List<Certificate> all = certificates.allOfActivity(activity);
        if (all.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No certificate has been awarded at "
                    + "activity " + activity + " yet");
        }
        return Outcome.done(all);
    }

    public Outcome<Certificate> read(UUID id, Actor actor) {
        Optional<Certificate> found = certificates.find(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "certificate", "No certificate " + id);
        }
        if (!activities.mayReadEsa(actor, found.get().esa())) {
            return Outcome.forbidden("A school director reads the certificates of its own school's ESA");
        }
        return Outcome.done(found.get());
    }

    /** The certificate a verification code names, however it was typed (case, groups); empty when none does. */
    public Optional<Certificate> verify(String code) {
        return VerificationCode.read(code).flatMap(certificates::findByCode);
    }
}
