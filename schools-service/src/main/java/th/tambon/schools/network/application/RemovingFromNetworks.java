package th.tambon.schools.network.application;

import jakarta.inject.Singleton;
import th.tambon.schools.esa.infrastructure.EsaRepository;
import th.tambon.schools.network.infrastructure.NetworkRepository;
import th.tambon.security.Actor;

import java.time.Instant;

/**
 * Keeps a network to active quality schools: a school whose designation stops being ACTIVE leaves its ESA's network
 * in the transaction of that step, as a recorded and announced network change (a chair school leaves the network
 * without a chair). Locks: the ESA's row before the school's, the order in which setting a network takes them (the
 * ESA's, then its members' in code order), so a withdrawal and a network being set wait for each other rather than
 * each holding what the other needs. A transaction that locks a school and then inserts a row referring to its ESA
 * (a plan drafted, a designation recorded) takes them in the other order, the ESA's only as the foreign-key check's
 * key-share lock: the rows are locked {@code FOR NO KEY UPDATE}, which does not conflict with it, so that order does
 * not deadlock either.
 */
@Singleton
public class RemovingFromNetworks {
    private final EsaRepository esas;
    private final NetworkRepository networks;
    private final RecordingNetworkChanges recording;

    RemovingFromNetworks(EsaRepository esas, NetworkRepository networks, RecordingNetworkChanges recording) {
        this.esas = esas;
        this.networks = networks;
        this.recording = recording;
    }

    /** Locks the ESA's row until the transaction ends; every designation step calls it before locking the school. */
    public void holdEsa(String esaCode) {
        esas.findForChange(esaCode);
    }

    /** Takes the school out of its ESA's network, if it is a member; nothing when it is not. */
    public void remove(String esaCode, String school, Instant now, Actor actor) {
        var esa = esas.findForChange(esaCode).orElseThrow();
        var network = networks.find(esaCode);
        if (network.isEmpty() || !network.get().members().contains(school)) {
            return;
        }
        recording.record(esa, network, network.get().without(school), now, actor, "RemoveFromNetwork");
    }
}
