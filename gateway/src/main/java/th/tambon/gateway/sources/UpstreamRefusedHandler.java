package th.tambon.gateway.sources;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A view a service refused (403, 400…): the caller gets the service's status and problem, as through the route. */
@Produces
@Singleton
@Requires(classes = {UpstreamRefused.class, ExceptionHandler.class})
public class UpstreamRefusedHandler implements ExceptionHandler<UpstreamRefused, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UpstreamRefused refused) {
        return HttpResponse.status(HttpStatus.valueOf(refused.status()))
                .contentType(MediaType.of(refused.contentType()))
                .body(refused.body());
    }
}
