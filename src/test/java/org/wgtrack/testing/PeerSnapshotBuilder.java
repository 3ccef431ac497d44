package org.wgtrack.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.output.PeerSnapshot;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PublicKey;

/**
 * PeerSnapshots for tests with named {@code with…} steps instead of fifteen positional values.
 * It starts as a peer that wg lists but that never had a handshake: disabled, no name, no
 * endpoint, no allowed IPs, no traffic, no ping, no endpoint change.
 */
public final class PeerSnapshotBuilder {

    private final String interfaceName;
    private final PublicKey publicKey;
    private Optional<String> name = Optional.empty();
    private PeerState state = PeerState.DISABLED;
    private HandshakeStatus handshakeStatus = HandshakeStatus.NONE;
    private long latestHandshakeEpochSeconds;
    private OptionalLong handshakeAgeSeconds = OptionalLong.empty();
    private long rxBytes;
    private long txBytes;
    private Optional<Endpoint> endpoint = Optional.empty();
    private Optional<Endpoint> configEndpoint = Optional.empty();
    private List<AllowedIp> allowedIps = List.of();
    private Optional<Duration> pingRoundTrip = Optional.empty();
    private long endpointUpdates;
    private Optional<Instant> lastEndpointChange = Optional.empty();

    private PeerSnapshotBuilder(String interfaceName, PublicKey publicKey) {
        this.interfaceName = interfaceName;
        this.publicKey = publicKey;
    }

    public static PeerSnapshotBuilder peer(String interfaceName, PublicKey publicKey) {
        return new PeerSnapshotBuilder(interfaceName, publicKey);
    }

    public PeerSnapshotBuilder withName(String peerName) {
        name = Optional.of(peerName);
        return this;
    }

    public PeerSnapshotBuilder withState(PeerState peerState) {
        state = peerState;
        return this;
    }

    /** The handshake's judgement, when it was (epoch seconds) and how old it was at the snapshot. */
    public PeerSnapshotBuilder withHandshake(HandshakeStatus status, long epochSeconds, long ageSeconds) {
        handshakeStatus = status;
        latestHandshakeEpochSeconds = epochSeconds;
        handshakeAgeSeconds = OptionalLong.of(ageSeconds);
        return this;
    }

    public PeerSnapshotBuilder withTransfer(long received, long sent) {
        rxBytes = received;
        txBytes = sent;
        return this;
    }

    /** The endpoint wg reports now. */
    public PeerSnapshotBuilder withEndpoint(Endpoint live) {
        endpoint = Optional.of(live);
        return this;
    }

    /** The endpoint of the wg-quick file. */
    public PeerSnapshotBuilder withConfigEndpoint(Endpoint configured) {
        configEndpoint = Optional.of(configured);
        return this;
    }

    public PeerSnapshotBuilder withAllowedIps(String... cidrs) {
        allowedIps = List.of(cidrs).stream().map(AllowedIp::parse).toList();
        return this;
    }

    public PeerSnapshotBuilder withPingRoundTrip(Duration roundTrip) {
        pingRoundTrip = Optional.of(roundTrip);
        return this;
    }

    public PeerSnapshotBuilder withEndpointUpdates(long updates) {
        endpointUpdates = updates;
        return this;
    }

    public PeerSnapshotBuilder withLastEndpointChange(Instant when) {
        lastEndpointChange = Optional.of(when);
        return this;
    }

    public PeerSnapshot build() {
        return new PeerSnapshot(interfaceName, publicKey, name, state, handshakeStatus, latestHandshakeEpochSeconds,
                handshakeAgeSeconds, rxBytes, txBytes, endpoint, configEndpoint, allowedIps, pingRoundTrip,
                endpointUpdates, lastEndpointChange);
    }
}
