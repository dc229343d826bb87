package th.tambon.gateway.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.Baht;
import th.tambon.gateway.sources.EventsClient;
import th.tambon.gateway.sources.Fetched;
import th.tambon.gateway.sources.SchoolsClient;
import th.tambon.gateway.sources.Source;
import th.tambon.gateway.sources.Sources;
import th.tambon.http.ApiProblemException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A school's profile from one call to schools-service and one to events-service, in parallel. */
@Singleton
public class ComposingSchoolReports {
    private final Sources sources;
    private final SchoolsClient schools;
    private final EventsClient events;
    private final Clock clock;

    public ComposingSchoolReports(Sources sources, SchoolsClient schools, EventsClient events, Clock clock) {
        this.sources = sources;
        this.schools = schools;
        this.events = events;
        this.clock = clock;
    }

    /** The profile, or 404 when schools-service answers that it registers no such school. */
    public Mono<SchoolReport> report(String code, @Nullable Integer fiscalYear, Authentication caller,
                                     String authorization) {
        Mono<Fetched<Answers.SchoolProfile>> profile = sources.fetch(Source.SCHOOLS, caller,
                "schools/" + code + "/profile", schools.profile(code, authorization));
        Mono<Fetched<Answers.SchoolRecord>> record = sources.fetch(Source.EVENTS, caller,
                "school-records/" + code + "?fiscalYear=" + fiscalYear, events.schoolRecord(code, fiscalYear, authorization));
        return Mono.zip(profile, record).map(both -> {
            Fetched<Answers.SchoolProfile> p = both.getT1();
            Fetched<Answers.SchoolRecord> r = both.getT2();
            if (p.answered() && p.answer().isEmpty()) {
                throw ApiProblemException.notFound("No school with SMIS code " + code + " is registered");
            }
            Optional<Answers.SchoolProfile> registered = p.answer();
            // a school events-service holds nothing about has empty lists
            Answers.SchoolRecord none = new Answers.SchoolRecord(code, null, List.of(), List.of(), List.of(),
                    List.of(), List.of(), Baht.ZERO, false);
            Answers.SchoolRecord held = r.answered() ? r.answer().orElse(none) : null;
            List<Fetched<?>> answers = List.of(p, r);
            return new SchoolReport(code, fiscalYear,
                    registered.map(Answers.SchoolProfile::school).orElse(null),
                    registered.map(Answers.SchoolProfile::designations).orElse(null),
                    registered.map(Answers.SchoolProfile::networks).orElse(null),
                    registered.map(Answers.SchoolProfile::plans).orElse(null),
                    held == null ? null : held.hosted(), held == null ? null : held.attended(),
                    held == null ? null : held.certificates(), held == null ? null : held.works(),
                    held == null ? null : held.ita(), held == null ? null : Baht.text(held.spentOnHosted()),
                    held == null ? null : held.truncated(), Fetched.sections(answers), Fetched.staleAsOf(answers),
                    clock.instant());
        });
    }
}
