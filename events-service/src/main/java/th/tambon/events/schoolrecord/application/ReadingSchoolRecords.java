package th.tambon.events.schoolrecord.application;

import jakarta.inject.Singleton;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository.ActivityEntry;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository.CertificateEntry;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository.ItaEntry;
import th.tambon.events.schoolrecord.infrastructure.SchoolRecordRepository.WorkEntry;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.http.FiscalYear;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A school's record: what the service holds about one school, in a bounded number of statements whatever its size
 * (each list at most {@link #LIMIT} entries, {@code truncated} when one was cut). Who reads it, as for activities: OBEC,
 * ESA officers (of any ESA, as works and certificates are read) and viewers read every school's; a school director
 * its own school's only. A school the schools replica does not know and nothing here names is not found; one the
 * replica does not know (yet, or any more) but that has records is answered, without its ESA.
 */
@Singleton
public class ReadingSchoolRecords {
    public static final int LIMIT = 500;
    private static final LocalDate EVER_FROM = LocalDate.of(1, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    private final SchoolRecordRepository records;
    private final SchoolReplicaRepository schools;

    public ReadingSchoolRecords(SchoolRecordRepository records, SchoolReplicaRepository schools) {
        this.records = records;
        this.schools = schools;
    }

    /** @param esa the school's ESA by the replica, null when the replica does not know the school */
    public record SchoolRecord(String school, String esa, List<ActivityEntry> hosted, List<ActivityEntry> attended,
                               List<CertificateEntry> certificates, List<WorkEntry> works, List<ItaEntry> ita,
                               BigDecimal spentOnHosted, boolean truncated) {
    }

    /** @param fiscalYear null for every year */
    public Outcome<SchoolRecord> read(String school, Integer fiscalYear, Actor actor) {
        if (!mayRead(actor, school)) {
            return Outcome.forbidden("A school director reads its own school's record");
        }
        LocalDate from = fiscalYear == null ? EVER_FROM : FiscalYear.of(fiscalYear).firstDay();
        LocalDate to = fiscalYear == null ? EVER_TO : FiscalYear.of(fiscalYear).lastDay();
        int fromYear = fiscalYear == null ? 0 : fiscalYear;
        int toYear = fiscalYear == null ? Integer.MAX_VALUE : fiscalYear;
        Optional<String> esa = schools.findById(school).map(SchoolReplica::esa);
        List<ActivityEntry> hosted = records.hosted(school, from, to, LIMIT + 1);
        List<ActivityEntry> attended = records.attended(school, from, to, LIMIT + 1);
        List<CertificateEntry> certificates = records.certificates(school, from, to, LIMIT + 1);
        List<WorkEntry> works = records.works(school, from, to, LIMIT + 1);
        List<ItaEntry> ita = records.ita(school, fromYear, toYear, LIMIT + 1);
        boolean empty = hosted.isEmpty() && attended.isEmpty() && certificates.isEmpty() && works.isEmpty()
                && ita.isEmpty();
        if (esa.isEmpty() && empty && !records.named(school)) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "code", "No school with SMIS code " + school
                    + " is known to events-service, and none of its records names it (a school registered a moment "
                    + "ago may not have reached it yet)");
        }
        BigDecimal spent = records.spentOnHosted(school, from, to).setScale(2, RoundingMode.UNNECESSARY);
        boolean truncated = hosted.size() > LIMIT || attended.size() > LIMIT || certificates.size() > LIMIT
                || works.size() > LIMIT || ita.size() > LIMIT;
        return Outcome.done(new SchoolRecord(school, esa.orElse(null), cut(hosted), cut(attended), cut(certificates),
                cut(works), cut(ita), spent, truncated));
    }

    /** Whether the actor may read this school's record. */
    public boolean mayRead(Actor actor, String school) {
        if (actor.is(Role.OBEC_ADMIN) || actor.is(Role.ESA_OFFICER) || actor.is(Role.VIEWER)) {
            return true;
        }
        return school.equals(actor.school());
    }

    private static <T> List<T> cut(List<T> rows) {
        return rows.size() > LIMIT ? rows.subList(0, LIMIT) : rows;
    }
}
