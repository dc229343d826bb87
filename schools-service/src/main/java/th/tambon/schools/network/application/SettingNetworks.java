package th.tambon.schools.network.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import th.tambon.http.IfMatch;
import th.tambon.schools.designation.model.QualityStatus;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.schools.network.model.Network;
import th.tambon.schools.school.infrastructure.SchoolRepository;
import th.tambon.schools.school.model.School;
import th.tambon.service.Bangkok;
import th.tambon.service.Changed;
import th.tambon.service.Outcome;
import th.tambon.service.Rejection;
import th.tambon.security.Actor;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Forms an ESA's quality-school network or changes its chair or members, in one transaction with the chair history,
 * {@code NetworkChanged} on schools.v1 and the audit entry. Setting the network it already has changes nothing and
 * checks nothing. Members are the ESA's own active quality schools, checked with their rows locked (after the ESA's,
 * in code order: see {@link RemovingFromNetworks}), so a withdrawal cannot slip in between the check and the commit;
 * the chair's school is one of them. OBEC or an officer of the ESA. If-Match names the ESA's version (the network's
 * ETag); sent where there is no network yet, it matches nothing (412), {@code *} included.
 */
@Singleton
public class SettingNetworks {
    private final EsaRepository esas;
    private final SchoolRepository schools;
    private final NetworkRepository networks;
    private final RecordingNetworkChanges recording;
    private final Clock clock;

    SettingNetworks(EsaRepository esas, SchoolRepository schools, NetworkRepository networks,
                    RecordingNetworkChanges recording, Clock clock) {
        this.esas = esas;
        this.schools = schools;
        this.networks = networks;
        this.recording = recording;
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
        var existing = networks.find(esaCode);
        // RFC 9110 §13.1.1: If-Match is false where there is no current representation, * included
        if (existing.isEmpty() && ifMatch.present()) {
            return Outcome.rejected(Rejection.Reason.STALE, IfMatch.HEADER, "ESA " + esaCode + " has no network, "
                    + "which If-Match (" + ifMatch + ") presumes: read it again, or form it with a PUT without If-Match");
        }
        if (Outcome.stale(ifMatch, esa.get().version())) {
            return Outcome.stale("The network of " + esaCode, esa.get().version(), ifMatch);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < memberCodes.size(); i++) {
            if (!seen.add(memberCodes.get(i))) {
                return Outcome.rejected(Rejection.Reason.INCONSISTENT, "members[" + i + "]",
                        memberCodes.get(i) + " is listed twice");
            }
        }
        Network wanted = new Network(esaCode, chairSchool, chairPerson, new TreeSet<>(memberCodes));
        if (existing.isPresent() && existing.get().equals(wanted)) {
            return Outcome.done(Changed.no(new NetworkAt(wanted, esa.get().version())));
        }
        Map<String, School> found = schools.findAllForChange(memberCodes).stream()
                .collect(Collectors.toMap(School::code, Function.identity()));
        for (int i = 0; i < memberCodes.size(); i++) {
            var refused = refusedMember(esaCode, memberCodes.get(i), found.get(memberCodes.get(i)), "members[" + i + "]");
            if (refused != null) {
                return refused;
            }
        }
        var outside = wanted.chairOutsideMembers();
        if (outside.isPresent()) {
            return Outcome.rejected(Rejection.Reason.INCONSISTENT, "chairSchool", outside.get());
        }
        NetworkAt set = recording.record(esa.get(), existing, wanted, Bangkok.now(clock), actor,
                existing.isEmpty() ? "FormNetwork" : "ChangeNetwork");
        return Outcome.done(Changed.yes(set));
    }

    /** Why a school cannot be a member of the ESA's network; null when it can. */
    private static Outcome<Changed<NetworkAt>> refusedMember(String esaCode, String code, School school, String field) {
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
        return null;
    }
}
