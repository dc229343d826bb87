package th.tambon.events.work.application;

import jakarta.inject.Singleton;
import th.tambon.events.activity.application.ReadingActivities;
import th.tambon.events.work.infrastructure.ForwardingRepository;
import th.tambon.events.work.infrastructure.ForwardingRow;
import th.tambon.events.work.infrastructure.Works;
import th.tambon.events.work.model.Work;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;

import java.util.Optional;
import java.util.UUID;

/**
 * Who reads which works, as for activities: OBEC, ESA officers and viewers read them all; a school director reads
 * those of its school's ESA (by the replica), and its lists are of that ESA only.
 */
@Singleton
public class ReadingWorks {
    private final Works works;
    private final ForwardingRepository forwardings;
    private final ReadingActivities activities;
    private final SchoolReplicaRepository schools;

    public ReadingWorks(Works works, ForwardingRepository forwardings, ReadingActivities activities,
                        SchoolReplicaRepository schools) {
        this.works = works;
        this.forwardings = forwardings;
        this.activities = activities;
        this.schools = schools;
    }

    public Outcome<Work> read(UUID id, Actor actor) {
        var found = works.find(id);
        if (found.isEmpty()) {
            return SelectingWorks.notFound(id);
        }
        if (!activities.mayReadEsa(actor, found.get().esa())) {
            return Outcome.forbidden("A school director reads the works of its own school's ESA");
        }
        return Outcome.done(found.get());
    }

    public Outcome<ForwardingRow> readForwarding(UUID id, Actor actor) {
        var found = forwardings.findById(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "forwarding", "No forwarding " + id);
        }
        if (!activities.mayReadEsa(actor, found.get().esa())) {
            return Outcome.forbidden("A school director reads the forwardings of its own school's ESA");
        }
        return Outcome.done(found.get());
    }

    /**
     * The ESA a list is limited to: the one asked for (null: every ESA), or for a school director its school's ESA,
     * which it may not leave.
     */
    public Outcome<Optional<String>> listedEsa(String esa, Actor actor) {
        if (actor.is(Role.OBEC_ADMIN) || actor.is(Role.ESA_OFFICER) || actor.is(Role.VIEWER)) {
            return Outcome.done(Optional.ofNullable(esa));
        }
        Optional<String> own = Optional.ofNullable(actor.school()).flatMap(schools::findById).map(SchoolReplica::esa);
        if (own.isEmpty() || (esa != null && !esa.equals(own.get()))) {
            return Outcome.forbidden("A school director lists the works of its own school's ESA");
        }
        return Outcome.done(own);
    }
}
