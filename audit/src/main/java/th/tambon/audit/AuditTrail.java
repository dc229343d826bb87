package th.tambon.audit;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.security.Actor;
import th.tambon.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records an accepted command in the command's own transaction ({@code MANDATORY}: outside one it fails rather than
 * record a change that may not happen). Refused commands are not recorded: they change nothing, and are counted as
 * {@code tambon_http_rejected_writes_total}.
 */
@Singleton
public class AuditTrail {
    private final AuditRepository entries;
    private final JsonMapper json;
    private final Clock clock;

    /** {@code clock}: the service's Clock bean when it has one (so entries agree with the changes they record). */
    public AuditTrail(AuditRepository entries, JsonMapper json, Optional<Clock> clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * @param actor      who, from the token
     * @param command    what, e.g. {@code RegisterSchool}
     * @param targetType the kind of object changed, e.g. {@code school}
     * @param targetId   its id, e.g. {@code 31040001}
     * @param change     the request or the new state, stored as JSON
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(Actor actor, String command, String targetType, String targetId, Object change) {
        Role role = actor.leadingRole();
        entries.save(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.subject(),
                role == null ? null : role.name(), actor.esa(), actor.school(), command, targetType, targetId,
                toJson(change)));
    }

    private String toJson(Object change) {
        try {
            return json.writeValueAsString(change);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit entry's change as JSON", e);
        }
    }
}
