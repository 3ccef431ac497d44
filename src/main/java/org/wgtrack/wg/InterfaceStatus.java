package org.wgtrack.wg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One interface of {@code wg show all dump} with its peers. The private key is never kept;
 * the public key is empty when the interface has no private key yet ({@code (none)}).
 */
public record InterfaceStatus(
        String name,
        Optional<PublicKey> publicKey,
        OptionalInt listenPort,
        OptionalLong fwmark,
        List<PeerStatus> peers) {

    public InterfaceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(listenPort, "listenPort");
        Objects.requireNonNull(fwmark, "fwmark");
        peers = List.copyOf(peers);
    }
}
