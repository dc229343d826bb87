package th.tambon.gateway.report;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.BudgetClient;
import th.tambon.gateway.sources.EventsClient;
import th.tambon.gateway.sources.Fetched;
import th.tambon.gateway.sources.SchoolsClient;
import th.tambon.gateway.sources.Source;
import th.tambon.gateway.sources.Sources;
import th.tambon.http.ApiProblemException;

import java.time.Clock;

/**
 * An ESA report: one call to each service, in parallel, each within its own timeout ({@link Sources}); a slow or
 * down service delays the report by at most its timeout and leaves its section stale or unavailable.
 */
@Singleton
public class ComposingEsaReports {
    private final Sources sources;
    private final SchoolsClient schools;
    private final EventsClient events;
    private final BudgetClient budget;
    private final Clock clock;

    public ComposingEsaReports(Sources sources, SchoolsClient schools, EventsClient events, BudgetClient budget,
                               Clock clock) {
        this.sources = sources;
        this.schools = schools;
        this.events = events;
        this.budget = budget;
        this.clock = clock;
    }

    /** The report, or 404 when schools-service answers that it registers no such ESA. */
    public Mono<EsaReport> report(String esa, int fiscalYear, Authentication caller, String authorization) {
        Mono<Fetched<Answers.QualityCounts>> counts = sources.fetch(Source.SCHOOLS, caller,
                "quality-schools/counts?fiscalYear=" + fiscalYear + "&esa=" + esa,
                schools.qualityCounts(fiscalYear, esa, null, null, authorization));
        Mono<Fetched<Answers.EventsSummary>> summary = sources.fetch(Source.EVENTS, caller,
                "activities/summary?fiscalYear=" + fiscalYear + "&esa=" + esa,
                events.summary(fiscalYear, esa, authorization));
        Mono<Fetched<Answers.BudgetEsaYear>> year = sources.fetch(Source.BUDGET, caller,
                "fiscal-years/" + fiscalYear + "/esas/" + esa, budget.esaYear(fiscalYear, esa, authorization));
        return Mono.zip(counts, summary, year).map(all -> {
            Fetched<Answers.EsaCounts> office = all.getT1()
                    .narrow(c -> c.esas().stream().filter(e -> e.esa().equals(esa)).findFirst());
            if (office.answered() && office.answer().isEmpty()) {
                throw ApiProblemException.notFound("No ESA " + esa + " is registered");
            }
            Fetched<Answers.EsaActivities> activities = all.getT2()
                    .narrow(s -> s.esas().stream().filter(e -> e.esa().equals(esa)).findFirst());
            return EsaReports.of(esa, fiscalYear, office, activities, all.getT3(), clock.instant());
        });
    }
}
