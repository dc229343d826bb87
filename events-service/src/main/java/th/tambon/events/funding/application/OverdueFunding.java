package th.tambon.events.funding.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import th.tambon.events.funding.infrastructure.FundingRepository;
import th.tambon.events.funding.infrastructure.OverdueFundingRow;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Bangkok;
import th.tambon.service.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Funding requests budget-service has not answered within {@code tambon.events.funding.reply-deadline} (15 minutes
 * unless configured), judged by the service's clock: listed for OBEC and the ESAs' officers (an officer sees its own
 * ESA's), and counted on every scrape as the gauge {@code tambon.events.funding.overdue} (a query, so it is right after
 * a restart and falls as soon as an answer comes or someone asks again).
 */
@Context
public class OverdueFunding {
    private final FundingRepository rows;
    private final Clock clock;
    private final Duration deadline;

    public OverdueFunding(FundingRepository rows, Clock clock,
                          @Value("${tambon.events.funding.reply-deadline:15m}") Duration deadline,
                          MeterRegistry meters) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("tambon.events.funding.reply-deadline must be longer than 0, not "
                    + deadline);
        }
        this.rows = rows;
        this.clock = clock;
        this.deadline = deadline;
        Gauge.builder("tambon.events.funding.overdue", this, OverdueFunding::count)
                .description("Activities waiting for budget-service's answer to a funding request longer than "
                        + "tambon.events.funding.reply-deadline")
                .strongReference(true)
                .register(meters);
    }

    public Duration deadline() {
        return deadline;
    }

    /** The requests of {@code esa} (every ESA's when null, for OBEC) asked longer than the deadline ago. */
    public Outcome<Page<OverdueFundingRow>> list(String esa, Actor actor, Pageable pageable) {
        String of = esa;
        if (!actor.is(Role.OBEC_ADMIN)) {
            if (actor.esa() == null || (esa != null && !esa.equals(actor.esa()))) {
                return Outcome.forbidden("An ESA officer sees the overdue funding of its own ESA"
                        + (actor.esa() == null ? "" : " (" + actor.esa() + ")") + (esa == null ? "" : ", not of " + esa));
            }
            of = actor.esa();
        }
        return Outcome.done(rows.overdue(askedBefore(), of, pageable));
    }

    /** Now by the service's clock: what "waiting for" is measured to. */
    public Instant now() {
        return Bangkok.now(clock);
    }

    /** How many requests of every ESA are overdue now. */
    public long count() {
        return rows.countOverdue(askedBefore());
    }

    private Instant askedBefore() {
        return now().minus(deadline);
    }
}
