package th.tambon.gateway.activity;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.Baht;
import th.tambon.gateway.sources.EventsClient;
import th.tambon.gateway.sources.Fetched;
import th.tambon.gateway.sources.SectionStatus;
import th.tambon.gateway.sources.Source;
import th.tambon.gateway.sources.Sources;
import th.tambon.gateway.sources.Weighed;
import th.tambon.http.ApiProblemException;
import th.tambon.http.ThaiDates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An activity's report from events-service alone: the activity and its certificates, asked in parallel as one
 * question (one section, one timeout), so a stale answer never mixes an activity of one time with certificates of
 * another.
 */
@Singleton
public class ComposingActivityReports {
    /**
     * The most certificates a report lists (an activity has tens, a large one hundreds): four pages, asked in two
     * round trips within the view's timeout; the total is always given.
     */
    public static final int MAX_CERTIFICATES = 2_000;
    /** events-service's largest page (th.tambon.http.Paging.MAX_SIZE). */
    static final int PAGE = 500;
    /** Pages after the first asked at once: all of them, up to the cap. */
    private static final int PAGES_AT_ONCE = MAX_CERTIFICATES / PAGE - 1;

    private final Sources sources;
    private final EventsClient events;
    private final Clock clock;

    public ComposingActivityReports(Sources sources, EventsClient events, Clock clock) {
        this.sources = sources;
        this.events = events;
        this.clock = clock;
    }

    /** The report, or 404 when events-service answers that it holds no such activity. */
    public Mono<ActivityReport> report(UUID id, Authentication caller, String authorization) {
        String activity = id.toString();
        Mono<Held> held = Mono.zip(events.activity(activity, authorization), certificates(activity, authorization),
                (a, c) -> new Held(a, c.items(), c.totalItems()));
        return sources.fetch(Source.EVENTS, caller, "activities/" + activity + " and its certificates", held)
                .map(fetched -> {
                    // only events-service's own answer now: a "none" remembered from before is no reason for a 404
                    if (fetched.status() == SectionStatus.OK && fetched.answer().isEmpty()) {
                        throw ApiProblemException.notFound("No activity " + activity);
                    }
                    Held h = fetched.answer().orElse(null);
                    List<Fetched<?>> answers = List.of(fetched);
                    return new ActivityReport(activity, h == null ? null : view(h.activity()),
                            h == null ? null : h.activity().history(), h == null ? null : h.activity().participation(),
                            h == null ? null : h.certificates(), h == null ? null : h.total(),
                            h == null ? null : h.total() > h.certificates().size(),
                            Fetched.sections(answers), Fetched.staleAsOf(answers), clock.instant());
                });
    }

    /** Every certificate, up to {@link #MAX_CERTIFICATES}: the first page, then the others it says there are. */
    private Mono<Answers.CertificatePage> certificates(String activity, String authorization) {
        return events.certificates(activity, 0, PAGE, authorization).flatMap(first -> {
            long pages = Math.min((first.totalItems() + PAGE - 1) / PAGE, MAX_CERTIFICATES / PAGE);
            if (pages <= 1) {
                return Mono.just(first);
            }
            Flux<List<Answers.ActivityCertificate>> others = Flux.range(1, (int) pages - 1)
                    .flatMapSequential(page -> events.certificates(activity, page, PAGE, authorization), PAGES_AT_ONCE)
                    .map(Answers.CertificatePage::items);
            return Flux.concat(Mono.just(first.items()), others)
                    .collect(ArrayList<Answers.ActivityCertificate>::new, List::addAll)
                    .map(all -> new Answers.CertificatePage(all, first.totalItems()));
        });
    }

    private static ActivityReport.Activity view(Answers.ActivityWithHistory a) {
        Answers.Funding f = a.funding();
        return new ActivityReport.Activity(a.id(), a.esa(), a.ref(), a.type(), a.typeTh(), a.titleTh(), a.state(),
                a.stateTh(), a.reason(), a.startsOn(), ThaiDates.format(a.startsOn()), a.venue(), a.organiser(),
                a.chair(), f == null ? null : new ActivityReport.Funding(f.fiscalYear(), f.round(), f.line(),
                Baht.text(f.estimate()), f.request(), f.requestedAt(), f.spending(), f.spendingMessage()),
                Baht.text(a.actualCost()));
    }

    /**
     * What events-service answered: the activity, its first certificates and how many it has. Remembered for a stale
     * answer by its size ({@link Weighed}): a large activity takes more of the gateway's memory of answers.
     */
    private record Held(Answers.ActivityWithHistory activity, List<Answers.ActivityCertificate> certificates,
                        long total) implements Weighed {
        @Override
        public int weight() {
            return 1 + certificates.size() / Weighed.ITEMS_PER_UNIT;
        }
    }
}
