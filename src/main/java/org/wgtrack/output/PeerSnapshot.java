package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * One tracked peer at the end of a cycle, as every output sees it.
 *
 * @param endpoint           the live endpoint wg reports (an address), if any
 * @param configEndpoint     the configured endpoint (maybe a hostname): wgtrack.conf's {@code endpoint}, else the one in the interface's configuration file
 * @param latestHandshakeEpochSeconds 0 = never
 * @param handshakeAgeSeconds empty when there never was a handshake
 * @param pingRoundTrip      round-trip time of this cycle's successful ping, if one was sent and answered
 * @param endpointUpdates    how many times wgtrack changed this peer's endpoint since start
 * @param lastEndpointChange when wgtrack last changed the endpoint, if ever
 */
public record PeerSnapshot(
        String interfaceName,
        PublicKey publicKey,
        Optional<String> name,
        PeerState state,
        HandshakeStatus handshakeStatus,
        long latestHandshakeEpochSeconds,
        OptionalLong handshakeAgeSeconds,
        long rxBytes,
        long txBytes,
        Optional<Endpoint> endpoint,
        Optional<Endpoint> configEndpoint,
        List<AllowedIp> allowedIps,
        Optional<Duration> pingRoundTrip,
        long endpointUpdates,
        Optional<Instant> lastEndpointChange) {

    public PeerSnapshot {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(handshakeStatus, "handshakeStatus");
        Objects.requireNonNull(handshakeAgeSeconds, "handshakeAgeSeconds");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(configEndpoint, "configEndpoint");
        allowedIps = List.copyOf(allowedIps);
        Objects.requireNonNull(pingRoundTrip, "pingRoundTrip");
        Objects.requireNonNull(lastEndpointChange, "lastEndpointChange");
    }

    public boolean isUp() {
        return state.isUp();
    }
}
