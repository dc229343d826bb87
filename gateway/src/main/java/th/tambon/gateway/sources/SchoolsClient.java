package th.tambon.gateway.sources;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** schools-service, as the views call it (base URL and read timeout: {@code micronaut.http.services.schools}). */
@Client(id = "schools")
public interface SchoolsClient {

    @Get("/api/v1/quality-schools/counts{?fiscalYear,esa,kind,provinceCode}")
    Mono<Answers.QualityCounts> qualityCounts(int fiscalYear, @Nullable String esa, @Nullable String kind,
                                              @Nullable String provinceCode,
                                              @Header(HttpHeaders.AUTHORIZATION) String authorization);

    /** The school, its designations, networks and plans; none (404) for a school it does not register. */
    @Get("/api/v1/schools/{code}/profile")
    Mono<Answers.SchoolProfile> profile(String code, @Header(HttpHeaders.AUTHORIZATION) String authorization);
}
