package org.wgtrack.wg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code [Peer]} of a wg-quick file, as far as wgtrack uses it. The preshared key is
 * dropped while parsing and has no field here.
 *
 * @param line the line of the {@code [Peer]} header, for messages
 */
public record PeerConfig(
        PublicKey publicKey,
        Optional<Endpoint> endpoint,
        List<AllowedIp> allowedIps,
        OptionalInt persistentKeepaliveSeconds,
        Optional<String> name,
        int line) {

    public PeerConfig {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(endpoint, "endpoint");
        allowedIps = List.copyOf(allowedIps);
        Objects.requireNonNull(persistentKeepaliveSeconds, "persistentKeepaliveSeconds");
        Objects.requireNonNull(name, "name");
    }
}
