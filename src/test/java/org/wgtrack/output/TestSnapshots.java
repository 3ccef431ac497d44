package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;

/** Snapshots for output tests: one up peer, one down peer with an awkward name, one never seen. */
final class TestSnapshots {

    static final Instant TAKEN_AT = Instant.parse("2026-11-25T12:00:30Z");

    private TestSnapshots() {
    }

    static PeerSnapshot up() {
        return new PeerSnapshot("wg0", TestKeys.repeating(1), Optional.of("laptop"), PeerState.UP_OK, HandshakeStatus.OK,
                1_795_608_018L, OptionalLong.of(12), 1024, 2048,
                Optional.of(new Endpoint("192.0.2.1", 51820)), Optional.of(new Endpoint("vpn.example.org", 51820)),
                List.of(AllowedIp.parse("10.10.0.2/32"), AllowedIp.parse("fd00::2/128")),
                Optional.of(Duration.ofNanos(1_250_000)), 2, Optional.of(Instant.parse("2026-11-25T11:00:00Z")));
    }

    static PeerSnapshot downAwkwardName() {
        return new PeerSnapshot("wg0", TestKeys.repeating(2), Optional.of("Büro, \"Köln\" a=b\\c"), PeerState.DOWN_BACKINGOFF,
                HandshakeStatus.FAILED, 1_795_600_000L, OptionalLong.of(8030), 5_000_000_000L, 7,
                Optional.of(new Endpoint("2001:db8::7", 51820)), Optional.of(new Endpoint("office.example.org", 51820)),
                List.of(AllowedIp.parse("10.10.0.3/32")), Optional.empty(), 0, Optional.empty());
    }

    static PeerSnapshot neverSeen() {
        return new PeerSnapshot("wg1", TestKeys.repeating(3), Optional.empty(), PeerState.DISABLED, HandshakeStatus.NONE,
                0, OptionalLong.empty(), 0, 0, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), 0, Optional.empty());
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
