package th.tambon.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;

/** Routes the kit's tests call: a read for any role, a write for OBEC only, and one a developer forgot to guard. */
@Requires(property = "security-kit-test.routes", value = "true")
@Controller("/kit")
class KitRoutes {
    @Get("/read")
    @AnyRole
    Map<String, Object> read(Authentication authentication) {
        Actor actor = Actors.of(authentication);
        return Map.of("subject", actor.subject(), "roles", actor.roles().toString(),
                "esa", String.valueOf(actor.esa()), "school", String.valueOf(actor.school()));
    }

    @Post("/write")
    @Secured(Roles.OBEC_ADMIN)
    Map<String, String> write(@Body Map<String, String> body) {
        return body;
    }

    /** No rule: the security filter must refuse it, and {@link RouteRules} must name it. */
    @Get("/forgotten")
    String forgotten() {
        return "should never be answered";
    }
}
