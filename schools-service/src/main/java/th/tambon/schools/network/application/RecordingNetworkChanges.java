package th.tambon.schools.network.application;

import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.NetworkChanged;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.network.infrastructure.NetworkChairRepository;
import th.tambon.schools.network.infrastructure.NetworkChairRow;
import th.tambon.schools.network.infrastructure.NetworkMemberRepository;
import th.tambon.schools.network.infrastructure.NetworkMemberRow;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.infrastructure.NetworkRow;
import th.tambon.schools.network.model.Network;
import th.tambon.security.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a change of an ESA's network and announces it, in the caller's transaction (which holds the ESA's row): the
 * network and member rows, the chair history (the old chair ends, a new one begins), the ESA's next version,
 * {@code NetworkChanged} on schools.v1 with that version, and the audit entry.
 */
@Singleton
class RecordingNetworkChanges {
    private final EsaRepository esas;
    private final NetworkRepository networks;
    private final NetworkMemberRepository members;
    private final NetworkChairRepository chairs;
    private final Outbox outbox;
    private final AuditTrail audit;

    RecordingNetworkChanges(EsaRepository esas, NetworkRepository networks, NetworkMemberRepository members,
                            NetworkChairRepository chairs, Outbox outbox, AuditTrail audit) {
        this.esas = esas;
        this.networks = networks;
        this.members = members;
        this.chairs = chairs;
        this.outbox = outbox;
        this.audit = audit;
    }

    NetworkAt record(Esa esa, Optional<Network> before, Network after, Instant now, Actor actor, String command) {
        String code = esa.code();
        boolean formed = before.isEmpty();
        boolean chairChanged = !formed && !before.get().sameChair(after);
        Set<String> was = before.map(Network::members).orElse(Set.of());
        List<String> added = after.sortedMembers().stream().filter(m -> !was.contains(m)).toList();
        List<String> removed = before.map(Network::sortedMembers).orElse(List.of()).stream()
                .filter(m -> !after.members().contains(m)).toList();
        if (formed) {
            networks.save(new NetworkRow(code, after.chairSchool(), after.chairPerson(), now, now));
        } else {
            NetworkRow row = networks.findById(code).orElseThrow();
            networks.update(new NetworkRow(code, after.chairSchool(), after.chairPerson(), row.formedAt(), now));
        }
        removed.forEach(school -> members.deleteByEsaAndSchool(code, school));
        added.forEach(school -> members.save(new NetworkMemberRow(UUID.randomUUID(), code, school, now)));
        if (chairChanged) {
            chairs.endCurrent(code, now);
        }
        if ((formed || chairChanged) && after.hasChair()) {
            chairs.save(new NetworkChairRow(UUID.randomUUID(), code, after.chairSchool(), after.chairPerson(), now,
                    actor.subject(), null));
        }
        Esa changed = esa.afterPartChanged(now);
        esas.save(changed);
        var event = new NetworkChanged(code, after.chairSchool(), after.chairPerson(), after.sortedMembers(), formed,
                chairChanged, chairChanged ? before.get().chairSchool() : null,
                chairChanged ? before.get().chairPerson() : null, added, removed, now, changed.version());
        outbox.append(event, now);
        audit.record(actor, command, "esa", code, event);
        return new NetworkAt(after, changed.version());
    }
}
