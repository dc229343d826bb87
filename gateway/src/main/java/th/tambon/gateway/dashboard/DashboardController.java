package th.tambon.gateway.dashboard;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The web dashboard's two HTML documents: the application at {@code /} (its pages are drawn by
 * {@code /assets/app.js} from the gateway's views) and the sign-in page at {@code /signin}. Every script, style, font
 * and chart library they load comes from this gateway ({@code /assets/**}, {@code /webjars/**}); the Content Security
 * Policy lets the browser load or call nothing else.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class DashboardController {
    /** Only this origin: scripts, styles, fonts, images and calls; no frames, no inline script. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String application;
    private final String signIn;

    public DashboardController(ResourceResolver resources) {
        this.application = read(resources, "classpath:dashboard/index.html");
        this.signIn = read(resources, "classpath:dashboard/signin.html");
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    public MutableHttpResponse<String> application() {
        return page(application);
    }

    @Get(value = "/signin", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    public MutableHttpResponse<String> signIn() {
        return page(signIn);
    }

    private static MutableHttpResponse<String> page(String html) {
        return HttpResponse.ok(html)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static String read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException(path + " is not in the gateway's jar"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
