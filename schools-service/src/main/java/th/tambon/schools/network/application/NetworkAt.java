package th.tambon.schools.network.application;

import th.tambon.schools.network.model.Network;

/**
 * A network as it stands with its version, which is its ESA's: every change of the network moves the ESA's version
 * (and so does a change of the ESA's names), which makes it the network's ETag.
 */
public record NetworkAt(Network network, long version) {
}
