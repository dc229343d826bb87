package th.tambon.gateway.sources;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How composed views call the services ({@code tambon.gateway.views}): how long each service may take before its
 * section is given up (stale or unavailable), how long a last good answer may be shown as stale, and how many such
 * answers are kept.
 */
@ConfigurationProperties("tambon.gateway.views")
public record ViewSettings(
        @Bindable(defaultValue = "3s") Duration schoolsTimeout,
        @Bindable(defaultValue = "3s") Duration eventsTimeout,
        @Bindable(defaultValue = "3s") Duration budgetTimeout,
        @Bindable(defaultValue = "24h") Duration staleFor,
        @Bindable(defaultValue = "10000") long remembered) {

    public Duration timeout(Source source) {
        return switch (source) {
            case SCHOOLS -> schoolsTimeout;
            case EVENTS -> eventsTimeout;
            case BUDGET -> budgetTimeout;
        };
    }
}
