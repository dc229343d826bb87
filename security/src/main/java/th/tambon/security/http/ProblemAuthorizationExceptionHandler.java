package th.tambon.security.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import th.tambon.http.ApiProblemException;

import java.util.List;

/**
 * A request the security rules refuse answers a problem like every other error: 401 when it carries no valid token
 * (none, expired, tampered, signed with another key), 403 when the token's role does not allow it.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class ProblemAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {
    private final ErrorResponseProcessor<?> processor;
    private final List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges;

    public ProblemAuthorizationExceptionHandler(ErrorResponseProcessor<?> processor, RedirectConfiguration redirects,
                                                RedirectService redirectService,
                                                List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                                                @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(processor, redirects, redirectService, challenges, priorToLoginPersistence);
        this.processor = processor;
        this.challenges = challenges;
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(HttpRequest<?> request, AuthorizationException exception) {
        ApiProblemException problem = exception.isForbidden()
                ? new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden",
                "Your token's role does not allow " + request.getMethodName() + " " + request.getPath(), List.of())
                : new ApiProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "This request needs a valid bearer token (Authorization: Bearer <token>); none was sent, or it "
                        + "has expired, was altered or is signed with a key this service does not trust", List.of());
        MutableHttpResponse<?> response = HttpResponse.status(problem.status());
        challenges.forEach(c -> response.header(HttpHeaders.WWW_AUTHENTICATE, c.getWwwAuthenticateChallenge(request)));
        return processor.processResponse(ErrorContext.builder(request).cause(problem).build(), response);
    }
}
