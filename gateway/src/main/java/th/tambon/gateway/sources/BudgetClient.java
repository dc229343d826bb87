package th.tambon.gateway.sources;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** budget-service, as the views call it (base URL and read timeout: {@code micronaut.http.services.budget}). */
@Client(id = "budget")
public interface BudgetClient {

    /** Every ESA's sums for a fiscal year (an officer gets its own ESA's only). */
    @Get("/api/v1/fiscal-years/{year}")
    Mono<Answers.BudgetYear> year(int year, @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** An ESA's fiscal year with its rounds and lines; none (404) when it has no round in that year. */
    @Get("/api/v1/fiscal-years/{year}/esas/{esa}")
    Mono<Answers.BudgetEsaYear> esaYear(int year, String esa, @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
