package th.tambon.events.activity.application;

import jakarta.inject.Singleton;
import th.tambon.events.activity.infrastructure.Activities;
import th.tambon.events.activity.model.Activity;
import th.tambon.replica.schools.SchoolReplica;
import th.tambon.replica.schools.SchoolReplicaRepository;
import th.tambon.security.Actor;
import th.tambon.security.Role;
import th.tambon.service.Outcome;

import java.util.Optional;
import java.util.UUID;

/**
 * Who reads which activities: OBEC, ESA officers and viewers read them all; a school director reads those of its
 * school's ESA (by the replica), which is what concerns the school.
 */
@Singleton
public class ReadingActivities {
    /** What a director whose school is unknown here is limited to: no activity has this ESA. */
    private static final String NO_ESA = "-";

    private final Activities activities;
    private final SchoolReplicaRepository schools;

    public ReadingActivities(Activities activities, SchoolReplicaRepository schools) {
        this.activities = activities;
        this.schools = schools;
    }

    public Optional<Activity> find(UUID id) {
        return activities.find(id);
    }

    public Outcome<Activity> read(UUID id, Actor actor) {
        var found = activities.find(id);
        if (found.isEmpty()) {
            return PlanningActivities.notFound(id);
        }
        if (!mayReadEsa(actor, found.get().esa())) {
            return Outcome.forbidden("A school director reads the activities of its own school's ESA");
        }
        return Outcome.done(found.get());
    }

    /**
     * The ESA a school director (who holds no wider role) is limited to: its school's, by the replica; empty for the
     * others, who read every ESA's. A director whose school the replica does not know reads none (an ESA no activity
     * belongs to).
     */
    public Optional<String> ownEsaOfDirector(Actor actor) {
        if (actor.is(Role.OBEC_ADMIN) || actor.is(Role.ESA_OFFICER) || actor.is(Role.VIEWER)) {
            return Optional.empty();
        }
        return Optional.of(actor.school() == null ? NO_ESA
                : schools.findById(actor.school()).map(SchoolReplica::esa).orElse(NO_ESA));
    }

    /**
     * The ESA a list or a summary of activities covers: the one asked for (null: every ESA), which a school director
     * may only ask for its own school's; without one, a director's is its school's.
     */
    public Outcome<String> scopeOf(String esa, Actor actor) {
        if (esa != null) {
            return mayReadEsa(actor, esa) ? Outcome.done(esa)
                    : Outcome.forbidden("A school director reads the activities of its own school's ESA");
        }
        return Outcome.done(ownEsaOfDirector(actor).orElse(null));
    }

    /** Whether the actor may read what an ESA's activities are and came to. */
    public boolean mayReadEsa(Actor actor, String esa) {
        if (actor.is(Role.OBEC_ADMIN) || actor.is(Role.ESA_OFFICER) || actor.is(Role.VIEWER)) {
            return true;
        }
        return actor.school() != null && schools.findById(actor.school()).map(SchoolReplica::esa)
                .filter(esa::equals).isPresent();
    }
}
