package org.wgtrack.wg;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What wgtrack keeps of one {@code /etc/wireguard/<ifname>.conf}: the interface's
 * {@code Address} entries and its peers. The private key is dropped while parsing.
 *
 * @param source the file name, for messages
 */
public record WgQuickConfig(String source, List<AllowedIp> interfaceAddresses, List<PeerConfig> peers) {

    public WgQuickConfig {
        interfaceAddresses = List.copyOf(interfaceAddresses);
        peers = List.copyOf(peers);
    }

    public Optional<PeerConfig> peer(PublicKey key) {
        return peers.stream().filter(p -> p.publicKey().equals(key)).findFirst();
    }

    public Map<PublicKey, PeerConfig> peersByKey() {
        return peers.stream().collect(Collectors.toUnmodifiableMap(PeerConfig::publicKey, Function.identity(), (a, b) -> a));
    }
}
