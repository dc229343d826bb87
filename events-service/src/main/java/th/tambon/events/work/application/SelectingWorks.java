package th.tambon.events.work.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.events.work.infrastructure.Works;
import th.tambon.events.work.model.Work;
import th.tambon.http.IfMatch;
import th.tambon.security.Actor;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.service.Step;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The ESA decides on a presented work: selected or not, with a note. It may decide again (select one it had not,
 * or the other way round) until the work is forwarded to OBEC. The decision it already stands at changes nothing.
 */
@Singleton
public class SelectingWorks {
    private final Works works;
    private final WorkEvents events;
    private final Clock clock;

    public SelectingWorks(Works works, WorkEvents events, Clock clock) {
        this.works = works;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Changed<Work>> decide(UUID id, boolean selected, String note, IfMatch ifMatch, Actor actor) {
        var found = works.findForChange(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Work work = found.get();
        if (!actor.mayWriteWithinEsa(work.esa())) {
            return Outcome.forbidden("Only OBEC or an officer of " + work.esa() + " selects the works presented at "
                    + "its activities");
        }
        if (Outcome.stale(ifMatch, work.version())) {
            return Outcome.stale("The work", work.version(), ifMatch);
        }
        Step<Work> step = work.decide(selected, note);
        if (!step.taken()) {
            return step.rejection();
        }
        if (work.decidedAs(selected, note)) {
            return Outcome.done(Changed.no(work));
        }
        Instant now = Bangkok.now(clock);
        works.update(step.result(), now);
        return Outcome.done(Changed.yes(events.recorded(step.result(), null, null, now, actor,
                selected ? "SelectWork" : "DoNotSelectWork")));
    }

    static <T> Outcome<T> notFound(UUID id) {
        return Outcome.rejected(Rejection.Reason.NOT_FOUND, "work", "No work " + id);
    }
}
