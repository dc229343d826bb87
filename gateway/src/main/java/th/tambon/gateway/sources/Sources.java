package th.tambon.gateway.sources;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import th.tambon.security.Actors;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Calls a service for a view: within its timeout ({@link ViewSettings}), remembering its last good answer per caller
 * and question. When the service is down, slow, failing (5xx, 401, 408, 429) or answers what is not its answer, the
 * section is {@link SectionStatus#STALE} with that answer and its time, or {@link SectionStatus#UNAVAILABLE}; the view
 * still answers. A 404 is an answer ("none"); a 400, 403, 409 or 422 is about the caller's question and fails the view
 * with the service's problem ({@link UpstreamRefused}). A stale answer is only ever shown to the caller (token subject,
 * roles and the ESA or school they are scoped to) who was given it.
 */
@Singleton
public class Sources {
    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);
    /** What a service answers the caller about the caller's question: the view answers the same. */
    private static final Set<Integer> CALLERS_PROBLEMS = Set.of(400, 403, 409, 422);
    /** The token's claims that scope what a role may read (th.tambon.security). */
    private static final Set<String> ACCESS_CLAIMS = Set.of(Actors.ESA_CLAIM, Actors.SCHOOL_CLAIM);

    private final ViewSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Cache<Question, Fetched<?>> lastGood;

    public Sources(ViewSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        // bounded by weight: an answer counts as one, a Weighed one (an activity's certificates) as its weight
        this.lastGood = Caffeine.newBuilder().maximumWeight(settings.remembered())
                .weigher((Question question, Fetched<?> fetched) -> fetched.answer()
                        .map(answer -> answer instanceof Weighed weighed ? Math.max(1, weighed.weight()) : 1).orElse(1))
                .expireAfterWrite(settings.staleFor()).build();
    }

    /**
     * @param what the question, as the service is asked it (its path and parameters)
     * @param call the call; an empty answer means the service said 404
     */
    public <T> Mono<Fetched<T>> fetch(Source source, Authentication caller, String what, Mono<T> call) {
        Question question = new Question(source, caller.getName(), new TreeSet<>(caller.getRoles()).toString(),
                access(caller), what);
        return call.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .timeout(settings.timeout(source))
                .onErrorResume(HttpClientResponseException.class, e -> e.getStatus() == HttpStatus.NOT_FOUND
                        ? Mono.just(Optional.empty())
                        : Mono.error(e))
                .map(answer -> remember(question, Fetched.ok(source, answer, clock.instant())))
                .onErrorResume(e -> {
                    if (e instanceof HttpClientResponseException refused
                            && CALLERS_PROBLEMS.contains(refused.getStatus().getCode())) {
                        return Mono.error(new UpstreamRefused(source, refused.getStatus().getCode(),
                                refused.getResponse().getBody(String.class).orElse(""),
                                refused.getResponse().getContentType().map(Object::toString)
                                        .orElse("application/problem+json")));
                    }
                    // a timeout, no connection, a 5xx, an overloaded or confused service (401, 408, 429), or a 2xx
                    // that is not the answer (not JSON, a part missing, baht with more than two decimals)
                    return Mono.just(fallback(question, e));
                });
    }

    /** The claims besides roles that a service judges reads by: a stale answer is shown only where they are equal. */
    private static String access(Authentication caller) {
        return new TreeMap<>(caller.getAttributes()).entrySet().stream()
                .filter(claim -> ACCESS_CLAIMS.contains(claim.getKey()))
                .map(claim -> claim.getKey() + "=" + claim.getValue())
                .toList().toString();
    }

    private <T> Fetched<T> remember(Question question, Fetched<T> answer) {
        lastGood.put(question, answer);
        count(question.source(), SectionStatus.OK);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private <T> Fetched<T> fallback(Question question, Throwable e) {
        Fetched<T> last = (Fetched<T>) lastGood.getIfPresent(question);
        Source source = question.source();
        LOG.warn("{} gave no answer for a view ({}): {}; section {}", source.service(), question.what(), e.toString(),
                last == null ? "unavailable" : "stale, as of " + last.asOf());
        Fetched<T> given = last == null
                ? Fetched.unavailable(source)
                : new Fetched<>(source, SectionStatus.STALE, last.answer(), last.asOf());
        count(source, given.status());
        return given;
    }

    private void count(Source source, SectionStatus status) {
        meters.counter("tambon.gateway.view.sections", "source", source.section(), "status", status.name()).increment();
    }

    private record Question(Source source, String subject, String roles, String access, String what) {
    }
}
