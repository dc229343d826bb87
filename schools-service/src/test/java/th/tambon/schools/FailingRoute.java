package th.tambon.schools;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import th.tambon.security.AnyRole;

/** A route that fails as a broken query would, with SQL and a class name in its message; tests only. */
@Requires(property = "schools-test.failing-route", value = "true")
@Controller(FailingRoute.PATH)
class FailingRoute {
    static final String PATH = "/test/failing-route";

    @Get
    @AnyRole
    String fail() {
        throw new IllegalStateException("Error executing SQL SELECT secret_column FROM school WHERE code = '31040001'");
    }
}
