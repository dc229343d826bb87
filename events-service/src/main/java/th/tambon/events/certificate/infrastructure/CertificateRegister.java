package th.tambon.events.certificate.infrastructure;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import th.tambon.events.certificate.model.Certificate;
import th.tambon.events.certificate.model.CertificateText;
import th.tambon.events.certificate.model.Recipient;
import th.tambon.events.certificate.model.Revocation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The register of certificates (ทะเบียนเกียรติบัตร) as the rest of the service sees it: {@code certificate} rows, and
 * the numbers {@code certificate_counter} gives.
 */
@Singleton
public class CertificateRegister {
    private final CertificateRepository rows;
    private final CertificateCounterRepository counters;

    public CertificateRegister(CertificateRepository rows, CertificateCounterRepository counters) {
        this.rows = rows;
        this.counters = counters;
    }

    public Optional<Certificate> find(UUID id) {
        return rows.findById(id).map(CertificateRegister::certificate);
    }

    /** The certificate, its row locked until the transaction ends: two changes of one certificate take turns. */
    public Optional<Certificate> findForChange(UUID id) {
        return rows.lock(id).map(CertificateRegister::certificate);
    }

    public Optional<Certificate> findByCode(String verificationCode) {
        return rows.findByVerificationCode(verificationCode).map(CertificateRegister::certificate);
    }

    /** The activity's certificate to this recipient (the same school, or a person of the same name), if any. */
    public Optional<Certificate> findTo(UUID activity, Recipient recipient) {
        return (recipient.isSchool() ? rows.findByActivityAndSchool(activity, recipient.school())
                : rows.findByActivityAndPerson(activity, recipient.person())).map(CertificateRegister::certificate);
    }

    public Page<Certificate> ofActivity(UUID activity, Pageable pageable) {
        return rows.findByActivityOrderByNumber(activity, pageable).map(CertificateRegister::certificate);
    }

    public List<Certificate> allOfActivity(UUID activity) {
        return rows.findByActivityOrderByNumber(activity).stream().map(CertificateRegister::certificate).toList();
    }

    /** The next number of the ESA and academic year, taken in the caller's transaction (no gaps, no duplicates). */
    public int nextNumber(String esa, int academicYear) {
        return counters.next(esa, academicYear);
    }

    public void insert(Certificate certificate) {
        rows.save(row(certificate));
    }

    /** Stores a changed certificate read with {@link #findForChange}. */
    public void update(Certificate certificate) {
        rows.update(row(certificate));
    }

    private static Certificate certificate(CertificateRow row) {
        Recipient recipient = new Recipient(row.school(), row.person(), row.personTitle(), row.recipient());
        CertificateText text = new CertificateText(row.office(), row.activityTitle(), row.givenOn(), row.chair(),
                row.chairTitle());
        Revocation revocation = row.revokedAt() == null ? null
                : new Revocation(row.revokedAt(), row.revokedBy(), row.revocationReason());
        return new Certificate(row.id(), row.activity(), row.esa(), row.academicYear(), row.number(), recipient, text,
                row.verificationCode(), row.awardedAt(), row.awardedBy(), revocation, row.version());
    }

    private static CertificateRow row(Certificate c) {
        Recipient r = c.recipient();
        CertificateText t = c.text();
        Revocation v = c.revocation();
        return new CertificateRow(c.id(), c.activity(), c.esa(), c.academicYear(), c.number(), r.school(), r.person(),
                r.personTitle(), r.name(), t.office(), t.activityTitle(), t.givenOn(), t.chair(), t.chairTitle(),
                c.verificationCode(), c.awardedAt(), c.awardedBy(), v == null ? null : v.at(),
                v == null ? null : v.by(), v == null ? null : v.reason(), c.version());
    }
}
