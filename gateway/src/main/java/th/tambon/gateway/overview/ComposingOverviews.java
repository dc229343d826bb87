package th.tambon.gateway.overview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.BudgetClient;
import th.tambon.gateway.sources.EventsClient;
import th.tambon.gateway.sources.Fetched;
import th.tambon.gateway.sources.SchoolsClient;
import th.tambon.gateway.sources.SectionStatus;
import th.tambon.gateway.sources.Source;
import th.tambon.gateway.sources.Sources;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The national overview from exactly one call per service, whatever the number of ESAs: schools-service's counts
 * (filtered by kind and province there), events-service's summary and budget-service's year, each for every ESA.
 */
@Singleton
public class ComposingOverviews {
    private final Sources sources;
    private final SchoolsClient schools;
    private final EventsClient events;
    private final BudgetClient budget;
    private final Clock clock;

    public ComposingOverviews(Sources sources, SchoolsClient schools, EventsClient events, BudgetClient budget,
                              Clock clock) {
        this.sources = sources;
        this.schools = schools;
        this.events = events;
        this.budget = budget;
        this.clock = clock;
    }

    /** Every filtered row, in the order asked, with their totals and each source's status. */
    public Mono<Rows> rows(int fiscalYear, @Nullable String kind, @Nullable String provinceCode, String sort,
                           Authentication caller, String authorization) {
        Mono<Fetched<Answers.QualityCounts>> counts = sources.fetch(Source.SCHOOLS, caller,
                "quality-schools/counts?fiscalYear=" + fiscalYear + "&kind=" + kind + "&provinceCode=" + provinceCode,
                schools.qualityCounts(fiscalYear, null, kind, provinceCode, authorization));
        Mono<Fetched<Answers.EventsSummary>> summary = sources.fetch(Source.EVENTS, caller,
                "activities/summary?fiscalYear=" + fiscalYear, events.summary(fiscalYear, null, authorization));
        Mono<Fetched<Answers.BudgetYear>> year = sources.fetch(Source.BUDGET, caller,
                "fiscal-years/" + fiscalYear, budget.year(fiscalYear, authorization));
        return Mono.zip(counts, summary, year).map(all -> {
            boolean filtered = kind != null || provinceCode != null;
            List<OverviewRow> rows = OverviewRows.of(all.getT1(), all.getT2(), all.getT3(), filtered);
            List<OverviewRow> sorted = rows.stream().sorted(OverviewRows.order(sort)).toList();
            boolean rowsKnown = all.getT1().answered() || !filtered;
            List<Fetched<?>> answers = List.of(all.getT1(), all.getT2(), all.getT3());
            return new Rows(sorted, OverviewRows.totals(sorted, rowsKnown), Fetched.sections(answers),
                    Fetched.staleAsOf(answers), clock.instant());
        });
    }

    /** The overview before paging. */
    public record Rows(List<OverviewRow> rows, OverviewRow totals, Map<String, SectionStatus> sections,
                       Map<String, Instant> staleAsOf, Instant composedAt) {
    }
}
