package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a view got from one source: the answer (absent when the service said there is none: 404), how it got it, and
 * for a stale one, when the service gave it.
 *
 * @param <T> the answer's type
 */
public record Fetched<T>(Source source, SectionStatus status, Optional<T> answer, @Nullable Instant asOf) {

    public static <T> Fetched<T> ok(Source source, Optional<T> answer, Instant at) {
        return new Fetched<>(source, SectionStatus.OK, answer, at);
    }

    public static <T> Fetched<T> unavailable(Source source) {
        return new Fetched<>(source, SectionStatus.UNAVAILABLE, Optional.empty(), null);
    }

    /** Whether there is an answer to read figures from (OK or STALE), even if that answer is "none". */
    public boolean answered() {
        return status != SectionStatus.UNAVAILABLE;
    }

    /** A figure of the answer; {@code orNone} when the service answered that there is nothing; null when unavailable. */
    @Nullable
    public <R> R figure(Function<T, R> read, @Nullable R orNone) {
        if (!answered()) {
            return null;
        }
        return answer.isPresent() ? read.apply(answer.get()) : orNone;
    }

    /** The part of the answer a view reads (none when the answer has no such part), with the same status and time. */
    public <R> Fetched<R> narrow(Function<T, Optional<R>> part) {
        return new Fetched<>(source, status, answer.flatMap(part), asOf);
    }

    /** Each source's status, by section name, in the order given. */
    public static Map<String, SectionStatus> sections(List<Fetched<?>> all) {
        Map<String, SectionStatus> sections = new LinkedHashMap<>();
        all.forEach(f -> sections.put(f.source().section(), f.status()));
        return sections;
    }

    /** For each stale source, by section name, when it gave the answer shown. */
    public static Map<String, Instant> staleAsOf(List<Fetched<?>> all) {
        Map<String, Instant> asOf = new LinkedHashMap<>();
        all.stream().filter(f -> f.status() == SectionStatus.STALE).forEach(f -> asOf.put(f.source().section(), f.asOf()));
        return asOf;
    }
}
