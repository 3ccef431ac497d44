package org.wgtrack.wg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One peer line of {@code wg show all dump}. The preshared key column is never kept.
 *
 * @param latestHandshakeEpochSeconds 0 when there never was a handshake
 */
public record PeerStatus(
        String interfaceName,
        PublicKey publicKey,
        Optional<Endpoint> endpoint,
        List<AllowedIp> allowedIps,
        long latestHandshakeEpochSeconds,
        long rxBytes,
        long txBytes,
        OptionalInt persistentKeepaliveSeconds) {

    public PeerStatus {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(endpoint, "endpoint");
        allowedIps = List.copyOf(allowedIps);
        Objects.requireNonNull(persistentKeepaliveSeconds, "persistentKeepaliveSeconds");
    }
}
