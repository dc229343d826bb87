package th.tambon.events.certificate.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.certificate.infrastructure.CertificatePdf;
import th.tambon.events.certificate.infrastructure.CertificateRegister;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.events.certificate.model.CertificateText;
import th.tambon.events.certificate.model.Recipient;
import th.tambon.events.certificate.model.VerificationCode;
import th.tambon.replica.schools.EsaReplica;
import th.tambon.replica.schools.EsaReplicaRepository;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An officer of the activity's ESA (or OBEC) awards a certificate at a held (or reported) activity to one of the
 * ESA's schools or to a person, one per recipient. With the activity's row locked (awards of one activity take turns),
 * in one transaction: the next number of the ESA and academic year, the certificate with what it states as it stands
 * now (the ESA's and the school's Thai names from the replica, the activity's title, day and chair), a verification
 * code of 160 random bits, {@code certificate.awarded.v1} and the audit entry. Anything refused takes no number.
 */
@Singleton
public class AwardingCertificates {
    private final Activities activities;
    private final CertificateRegister certificates;
    private final EsaReplicaRepository esas;
    private final SchoolReplicaRepository schools;
    private final CertificateEvents events;
    private final CertificatePdf pdf;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The widest number a trial print uses: no ESA awards 100,000 certificates in a year. */
    private static final int WIDEST_NUMBER = 99_999;
    /** A trial print's QR address: as long as a real one (the address is printed small, beside the code). */
    private static final String TRIAL_URL = "https://tambon.example.go.th/verify/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";

    public AwardingCertificates(Activities activities, CertificateRegister certificates, EsaReplicaRepository esas,
                                SchoolReplicaRepository schools, CertificateEvents events, CertificatePdf pdf,
                                Clock clock) {
        this.activities = activities;
        this.certificates = certificates;
        this.esas = esas;
        this.schools = schools;
        this.events = events;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** To a school: {@code school} set, {@code person} null; to a person: the other way round. */
    @Transactional
    public Outcome<Certificate> award(UUID activityId, String school, String person, String personTitle,
                                      Actor actor) {
        Optional<Activity> found = activities.findForChange(activityId);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "activity", "No activity " + activityId);
        }
        Activity activity = found.get();
        if (!actor.mayWriteWithinEsa(activity.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + activity.esa() + " awards certificates at its "
                    + "activities");
        }
        if (activity.state() != ActivityState.HELD && activity.state() != ActivityState.REPORTED) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "state", "Certificates are awarded at an "
                    + "activity that is HELD or REPORTED; this one is " + activity.state());
        }
        if (activity.academicYear() == null) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "academicYear", "The activity has no academic "
                    + "year: schools-service's academic calendar had not reached events-service when it was drafted, "
                    + "and certificates are numbered per ESA and academic year");
        }
        Optional<EsaReplica> esa = esas.findById(activity.esa());
        Outcome<Recipient> recipient = recipient(activity, school, person, personTitle);
        if (recipient.rejection() != null) {
            return Outcome.rejected(recipient.rejection().reason(), recipient.rejection().field(),
                    recipient.rejection().message());
        }
        Optional<Certificate> taken = certificates.findTo(activityId, recipient.value());
        if (taken.isPresent()) {
            String field = recipient.value().isSchool() ? "school" : "person";
            return Outcome.rejected(Rejection.Reason.DUPLICATE, field, (recipient.value().isSchool()
                    ? "School " + school : recipient.value().name()) + " already has certificate "
                    + taken.get().printedNumber() + " (" + taken.get().id() + ") at this activity");
        }
        Optional<CertificateText> text = text(activity, esa);
        if (text.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.ILLEGAL_STATE, "chair", "The activity names no chair to sign "
                    + "its certificates and events-service knows no director of " + activity.esa());
        }
        byte[] bits = new byte[VerificationCode.BYTES];
        random.nextBytes(bits);
        Instant now = Bangkok.now(clock);
        Outcome<Void> printable = printable(Certificate.awarded(UUID.randomUUID(), activityId, activity.esa(),
                activity.academicYear(), WIDEST_NUMBER, recipient.value(), text.get(), VerificationCode.of(bits), now,
                actor.subject()));
        if (printable.rejection() != null) {
            return Outcome.rejected(printable.rejection().reason(), printable.rejection().field(),
                    printable.rejection().message());
        }
        // taken last: the counter row moves only for a certificate that is then stored (a refusal after it would
        // still commit the transaction, and leave a gap)
        int number = certificates.nextNumber(activity.esa(), activity.academicYear());
        Certificate certificate = Certificate.awarded(UUID.randomUUID(), activityId, activity.esa(),
                activity.academicYear(), number, recipient.value(), text.get(), VerificationCode.of(bits), now,
                actor.subject());
        certificates.insert(certificate);
        return Outcome.done(events.awarded(certificate, actor));
    }

    /**
     * Whether the certificate fits its page, tried with the widest number an ESA's year will print: what it states is
     * frozen when awarded, so one that cannot be printed now never could be (422 naming the text to shorten).
     */
    private Outcome<Void> printable(Certificate trial) {
        try {
            pdf.render(trial.printed(TRIAL_URL));
            return Outcome.done(null);
        } catch (IllegalArgumentException tooLong) {
            String message = tooLong.getMessage() == null ? "does not fit on the certificate" : tooLong.getMessage();
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, message.startsWith("chairTitle") ? "chairTitle"
                    : "titleTh", "The certificate could not be printed: " + message);
        }
    }

    /** A school of the activity's ESA by the replica, printed by its Thai name; or a person by name. */
    private Outcome<Recipient> recipient(Activity activity, String school, String person, String personTitle) {
        if (school == null) {
            return Outcome.done(Recipient.person(person, personTitle));
        }
        Optional<SchoolReplica> known = schools.findById(school);
        if (known.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "school", "No school with SMIS code " + school
                    + " is known to events-service (a school registered a moment ago may not have reached it yet)");
        }
        if (!known.get().esa().equals(activity.esa())) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "school", "School " + school + " belongs to "
                    + known.get().esa() + ", not to " + activity.esa() + " whose activity this is");
        }
        return Outcome.done(Recipient.school(school, known.get().nameTh()));
    }

    /**
     * What the certificate states: the ESA's Thai name, the activity's title and day, and its chair; without a chair,
     * the ESA's director signs as its director. Empty when no one can sign.
     */
    private static Optional<CertificateText> text(Activity activity, Optional<EsaReplica> esa) {
        ActivityDetails d = activity.details();
        String office = esa.map(EsaReplica::nameTh).orElse(activity.esa());
        String chair = d.chair();
        String chairTitle = d.chairTitle();
        if (chair == null) {
            chair = esa.map(EsaReplica::director).orElse(null);
            chairTitle = "ผู้อำนวยการ" + office;
        }
        if (chair == null) {
            return Optional.empty();
        }
        return Optional.of(new CertificateText(office, d.titleTh(), activity.startsOn(), chair,
                chairTitle == null ? office : chairTitle));
    }
}
