package th.tambon.events.ita.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.events.ItaResultRecorded;
import th.tambon.events.ita.infrastructure.ItaResults;
import th.tambon.events.ita.model.ItaResult;
import th.tambon.events.ita.model.ItaScores;
import th.tambon.events.ita.model.SubjectType;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.replica.schools.EsaReplicaRepository;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Recording the ITA result of a school or an ESA for a fiscal year, by OBEC or an officer of the ESA (the school's ESA
 * by the replica). The same scores again change nothing; other scores change it, under If-Match when given (any
 * If-Match where there is no result yet is a 412: there is nothing it can name). One transaction: the result,
 * {@code ita.result-recorded.v1} with the result's own next version, and the audit entry.
 */
@Singleton
public class RecordingItaResults {
    private final ItaResults results;
    private final SchoolReplicaRepository schools;
    private final EsaReplicaRepository esas;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordingItaResults(ItaResults results, SchoolReplicaRepository schools, EsaReplicaRepository esas,
                               Outbox outbox, AuditTrail audit, Clock clock) {
        this.results = results;
        this.schools = schools;
        this.esas = esas;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Changed<ItaResult>> record(SubjectType subjectType, String code, int fiscalYear, BigDecimal score,
                                              BigDecimal iit, BigDecimal eit, BigDecimal oit, IfMatch ifMatch,
                                              Actor actor) {
        Optional<String> esa = esaOf(subjectType, code);
        if (esa.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "code", "No " + (subjectType == SubjectType.SCHOOL
                    ? "school with SMIS code " : "ESA ") + code + " is known to events-service (one registered a "
                    + "moment ago may not have reached it yet)");
        }
        if (!actor.mayWriteWithinEsa(esa.get())) {
            return Outcome.forbidden("Only OBEC or an officer of " + esa.get() + " records the ITA results of "
                    + (subjectType == SubjectType.SCHOOL ? "its schools" : "the ESA"));
        }
        Step<ItaScores> scores = ItaScores.of(score, iit, eit, oit);
        if (!scores.taken()) {
            return scores.rejection();
        }
        Optional<ItaResult> found = results.findForChange(code, fiscalYear);
        Instant now = Bangkok.now(clock);
        if (found.isEmpty()) {
            if (ifMatch.present()) {
                return Outcome.rejected(Rejection.Reason.STALE, IfMatch.HEADER, "There is no ITA result of " + code
                        + " for " + fiscalYear + " yet, so If-Match (" + ifMatch + ") names nothing: record it "
                        + "without If-Match");
            }
            ItaResult recorded = ItaResult.recorded(subjectType, code, esa.get(), fiscalYear, scores.result());
            results.insert(recorded, now, actor.subject());
            return Outcome.done(Changed.yes(announced(recorded, now, actor, "RecordItaResult")));
        }
        ItaResult current = found.get();
        if (current.subjectType() != subjectType) {
            throw new IllegalStateException(current.key() + " is a " + current.subjectType() + "'s result");
        }
        if (Outcome.stale(ifMatch, current.version())) {
            return Outcome.stale("The ITA result", current.version(), ifMatch);
        }
        if (current.scores().sameAs(scores.result())) {
            return Outcome.done(Changed.no(current));
        }
        ItaResult changed = current.changedTo(scores.result());
        results.update(changed, now, actor.subject());
        return Outcome.done(Changed.yes(announced(changed, now, actor, "ChangeItaResult")));
    }

    /** The ESA a result belongs to: the ESA itself, or the school's ESA by the replica; empty when it is unknown. */
    private Optional<String> esaOf(SubjectType subjectType, String code) {
        return subjectType == SubjectType.ESA
                ? (esas.existsById(code) ? Optional.of(code) : Optional.empty())
                : schools.findById(code).map(SchoolReplica::esa);
    }

    private ItaResult announced(ItaResult result, Instant at, Actor actor, String command) {
        ItaScores s = result.scores();
        ItaResultRecorded event = new ItaResultRecorded(result.subjectType().name(), result.code(), result.esa(),
                result.fiscalYear(), s.score(), result.level().name(), s.iit(), s.eit(), s.oit(), at,
                result.version());
        outbox.append(event, at);
        audit.record(actor, command, "ita-result", result.key(), event);
        return result;
    }
}
