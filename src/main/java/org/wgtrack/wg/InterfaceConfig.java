package org.wgtrack.wg;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What wgtrack keeps of one interface's configuration, from whichever file configured it (a
 * wg-quick file, a systemd-networkd {@code .netdev}, a NetworkManager keyfile): the interface's
 * own addresses and its peers. Private and preshared keys are dropped while parsing.
 *
 * @param source the file it came from, for messages
 * @param name   the interface's friendly name where the format has one (a NetworkManager connection's {@code id})
 */
public record InterfaceConfig(String source, List<AllowedIp> interfaceAddresses, List<PeerConfig> peers, Optional<String> name) {

    public InterfaceConfig {
        Objects.requireNonNull(source, "source");
        interfaceAddresses = List.copyOf(interfaceAddresses);
        peers = List.copyOf(peers);
        Objects.requireNonNull(name, "name");
    }

    /** A configuration without a name of its own, as wg-quick and networkd write them. */
    public InterfaceConfig(String source, List<AllowedIp> interfaceAddresses, List<PeerConfig> peers) {
        this(source, interfaceAddresses, peers, Optional.empty());
    }

    public Optional<PeerConfig> peer(PublicKey key) {
        return peers.stream().filter(p -> p.publicKey().equals(key)).findFirst();
    }

    public Map<PublicKey, PeerConfig> peersByKey() {
        return peers.stream().collect(Collectors.toUnmodifiableMap(PeerConfig::publicKey, Function.identity(), (a, b) -> a));
    }
}
