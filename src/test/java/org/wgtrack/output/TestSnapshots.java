package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;

/** Snapshots for output tests: one up peer, one down peer with an awkward name, one never seen. */
final class TestSnapshots {

    static final Instant TAKEN_AT = Instant.parse("2026-11-25T12:00:30Z");

    private TestSnapshots() {
    }

    static PeerSnapshot up() {
        return PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(1)).withName("laptop").withState(PeerState.UP_OK)
                .withHandshake(HandshakeStatus.OK, 1_795_608_018L, 12).withTransfer(1024, 2048)
                .withEndpoint(new Endpoint("192.0.2.1", 51820)).withConfigEndpoint(new Endpoint("vpn.example.org", 51820))
                .withAllowedIps("10.10.0.2/32", "fd00::2/128").withPingRoundTrip(Duration.ofNanos(1_250_000))
                .withEndpointUpdates(2).withLastEndpointChange(Instant.parse("2026-11-25T11:00:00Z")).build();
    }

    static PeerSnapshot downAwkwardName() {
        return PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(2)).withName("Büro, \"Köln\" a=b\\c")
                .withState(PeerState.DOWN_BACKINGOFF).withHandshake(HandshakeStatus.FAILED, 1_795_600_000L, 8030)
                .withTransfer(5_000_000_000L, 7).withEndpoint(new Endpoint("2001:db8::7", 51820))
                .withConfigEndpoint(new Endpoint("office.example.org", 51820)).withAllowedIps("10.10.0.3/32").build();
    }

    static PeerSnapshot neverSeen() {
        return PeerSnapshotBuilder.peer("wg1", TestKeys.repeating(3)).build();
    }

    static Snapshot threePeers() {
        return new Snapshot(TAKEN_AT, Optional.empty(), List.of(up(), downAwkwardName(), neverSeen()),
                Optional.of(Duration.ofMillis(12)), Map.of("changed", 1L, "unchanged", 3L, "failed", 2L));
    }

    static Snapshot liveStateFailed() {
        return new Snapshot(TAKEN_AT, Optional.of("wg show all dump failed: exit status 1: Unable to access interface: Operation not permitted"),
                List.of(), Optional.of(Duration.ofMillis(3)), Map.of());
    }
}
