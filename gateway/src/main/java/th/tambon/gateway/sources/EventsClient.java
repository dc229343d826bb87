package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** events-service, as the views call it (base URL and read timeout: {@code micronaut.http.services.events}). */
@Client(id = "events")
public interface EventsClient {

    @Get("/api/v1/activities/summary{?fiscalYear,esa}")
    Mono<Answers.EventsSummary> summary(int fiscalYear, @Nullable String esa,
                                        @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** What events-service holds about one school (of one fiscal year, or all); none (404) when nothing. */
    @Get("/api/v1/school-records/{code}{?fiscalYear}")
    Mono<Answers.SchoolRecord> schoolRecord(String code, @Nullable Integer fiscalYear,
                                            @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** An activity with its funding, history and participation; none (404) for an activity it does not hold. */
    @Get("/api/v1/activities/{id}")
    Mono<Answers.ActivityWithHistory> activity(String id, @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** A page of the certificates awarded at an activity, in number order (size at most 500). */
    @Get("/api/v1/activities/{id}/certificates{?page,size}")
    Mono<Answers.CertificatePage> certificates(String id, int page, int size,
                                               @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
