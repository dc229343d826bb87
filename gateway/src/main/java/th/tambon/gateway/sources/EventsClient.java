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
}
