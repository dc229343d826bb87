package th.tambon.schools.network.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.audit.AuditTrail;
import th.tambon.contracts.schools.NetworkChanged;
import th.tambon.http.IfMatch;
import th.tambon.messaging.outbox.Outbox;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.network.infrastructure.NetworkChairRepository;
import th.tambon.schools.network.infrastructure.NetworkChairRow;
import th.tambon.schools.network.infrastructure.NetworkMemberRepository;
import th.tambon.schools.network.infrastructure.NetworkMemberRow;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.infrastructure.NetworkRow;
import th.tambon.schools.network.model.Network;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.schools.shared.Changed;
import th.tambon.schools.shared.Outcome;
import th.tambon.schools.shared.Rejection;
import th.tambon.schools.shared.Bangkok;
import th.tambon.security.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Forms an ESA's quality-school network or changes its chair or members, in one transaction with the chair history,
 * {@code NetworkChanged} on schools.v1 and the audit entry. Setting the network it already has changes nothing.
 * Members are the ESA's own active quality schools; the chair's school is one of them. OBEC or an officer of the ESA.
 */
@Singleton
public class SettingNetworks {
    private final EsaRepository esas;
    private final SchoolRepository schools;
    private final NetworkRepository networks;
    private final NetworkMemberRepository members;
    private final NetworkChairRepository chairs;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public SettingNetworks(EsaRepository esas, SchoolRepository schools, NetworkRepository networks,
                           NetworkMemberRepository members, NetworkChairRepository chairs, Outbox outbox,
                           AuditTrail audit, Clock clock) {
        this.esas = esas;
        this.schools = schools;
        this.networks = networks;
        this.members = members;
        this.chairs = chairs;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome<Changed<NetworkAt>> set(String esaCode, String chairSchool, String chairPerson,
                                           List<String> memberCodes, IfMatch ifMatch, Actor actor) {
        var esa = esas.findForChange(esaCode);
        if (esa.isEmpty()) {
            return Outcome.rejected(Rejection.Reason.NOT_FOUND, "esa", "No ESA with code " + esaCode);
        }
        if (!actor.mayWriteWithinEsa(esaCode)) {
            return Outcome.forbidden("Only OBEC or an officer of " + esaCode + " may set its network");
        }
        if (Outcome.stale(ifMatch, esa.get().version())) {
            return Outcome.stale("The network of " + esaCode, esa.get().version(), ifMatch);
        }
        Map<String, School> found = schools.findAllByCode(memberCodes).stream()
                .collect(Collectors.toMap(School::code, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < memberCodes.size(); i++) {
            String code = memberCodes.get(i);
            String field = "members[" + i + "]";
            School school = found.get(code);
            if (!seen.add(code)) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, field, code + " is listed twice");
            }
            if (school == null) {
                return Outcome.rejected(Rejection.Reason.UNKNOWN_REFERENCE, field, "No school with SMIS code " + code);
            }
            if (!school.esa().equals(esaCode)) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, field, code + " is a school of " + school.esa()
                        + ", not of " + esaCode + ": a network's members are its own ESA's quality schools");
            }
            if (school.qualityStatus() != QualityStatus.ACTIVE) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, field, code + " is not an active quality school"
                        + " (its status is " + school.qualityStatus() + ")");
            }
        }
        Network wanted = new Network(esaCode, chairSchool, chairPerson, new TreeSet<>(memberCodes));
        var outside = wanted.chairOutsideMembers();
        if (outside.isPresent()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "chairSchool", outside.get());
        }
        var existing = networks.find(esaCode);
        if (existing.isPresent() && existing.get().equals(wanted)) {
            return Outcome.done(Changed.no(new NetworkAt(wanted, esa.get().version())));
        }
        Instant now = Bangkok.now(clock);
        boolean formed = existing.isEmpty();
        boolean chairChanged = !formed && !existing.get().sameChair(wanted);
        Set<String> before = existing.map(Network::members).orElse(Set.of());
        List<String> added = wanted.sortedMembers().stream().filter(m -> !before.contains(m)).toList();
        List<String> removed = new TreeSet<>(before).stream().filter(m -> !wanted.members().contains(m)).toList();
        if (formed) {
            networks.save(new NetworkRow(esaCode, chairSchool, chairPerson, now, now));
        } else {
            NetworkRow row = networks.findById(esaCode).orElseThrow();
            networks.update(new NetworkRow(esaCode, chairSchool, chairPerson, row.formedAt(), now));
        }
        removed.forEach(school -> members.deleteByEsaAndSchool(esaCode, school));
        added.forEach(school -> members.save(new NetworkMemberRow(UUID.randomUUID(), esaCode, school, now)));
        if (formed || chairChanged) {
            chairs.save(new NetworkChairRow(UUID.randomUUID(), esaCode, chairSchool, chairPerson, now, actor.subject()));
        }
        Esa changedEsa = esa.get().afterPartChanged(now);
        esas.save(changedEsa);
        var event = new NetworkChanged(esaCode, chairSchool, chairPerson, wanted.sortedMembers(), formed, chairChanged,
                chairChanged ? existing.get().chairSchool() : null, chairChanged ? existing.get().chairPerson() : null,
                added, removed, now, changedEsa.version());
        outbox.append(event, now);
        audit.record(actor, formed ? "FormNetwork" : "ChangeNetwork", "esa", esaCode, event);
        return Outcome.done(Changed.yes(new NetworkAt(wanted, changedEsa.version())));
    }
}
