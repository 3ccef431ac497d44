package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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

    /**
     * Every piece of text that escaping has to deal with (separators, quotes, backslashes, control
     * characters, non-ASCII, characters outside the BMP, U+2028), in order and reversed, so that
     * each one also starts and ends a value.
     */
    static final String AWKWARD = String.join("", "laptop", "a", "Köln", "☃", "\uD83D\uDE80", " ", ",", "=", "\"", "\\",
            "\\\\", "\n", "\t", "\u007f", "\u0000", "é", "/", "<>&", "'", "{}", "[x]", "漢字", "\u2028");
    static final String AWKWARD_REVERSED = new StringBuilder(AWKWARD).reverse().toString();

    /**
     * The states the three peers do not show, awkward text in the interface and peer names and a
     * hostname, huge and zero counters, and durations and instants with odd nanoseconds.
     */
    static Snapshot awkward() {
        return new Snapshot(Instant.ofEpochSecond(1_795_608_030L, 123_456_789), Optional.empty(), List.of(
                PeerSnapshotBuilder.peer(AWKWARD, TestKeys.repeating(4)).withName(AWKWARD).withState(PeerState.DOWN_SLOWCHECKING)
                        .withHandshake(HandshakeStatus.RETRYING, 1_700_000_123L, 999_999).withTransfer(Long.MAX_VALUE, 999_999)
                        .withEndpoint(new Endpoint("2001:db8::ab12", 65535)).withConfigEndpoint(new Endpoint("vpn" + AWKWARD + ".example.org", 51820))
                        .withAllowedIps("0.0.0.0/0", "::/0", "2001:db8::/32").withPingRoundTrip(Duration.ofNanos(73))
                        .withEndpointUpdates(19).withLastEndpointChange(Instant.ofEpochSecond(1_795_000_000L, 987_654_321)).build(),
                PeerSnapshotBuilder.peer("wg2", TestKeys.repeating(5)).withName(AWKWARD_REVERSED).withState(PeerState.DOWN)
                        .withTransfer(99_999, 0).withEndpoint(new Endpoint("192.0.2.255", 0)).withPingRoundTrip(Duration.ofNanos(999_000))
                        .build(),
                PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(6)).withState(PeerState.UNDEFINED)
                        .withHandshake(HandshakeStatus.PENDING, 1_795_608_000L, 30).withConfigEndpoint(new Endpoint("h", 51820))
                        .withPingRoundTrip(Duration.ofNanos(4_999_999_999L)).build(),
                PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(7)).withName("").withState(PeerState.DOWN_WAITING)
                        .withHandshake(HandshakeStatus.FAILED, 1_795_607_000L, 1030).withAllowedIps("10.10.0.0/16").build(),
                PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(8)).withName("office").withState(PeerState.DOWN_CHECKING)
                        .withHandshake(HandshakeStatus.FAILED, 1_795_606_000L, 2030).withTransfer(1L << 53, (1L << 53) + 1)
                        .build()),
                Optional.of(Duration.ofNanos(4_123_456_789L)), Map.of("changed", 8L, "unchanged", 0L, "failed", 0L));
    }

    /** A failed live-state read whose error holds the awkward text, after a cycle of 21 ns. */
    static Snapshot awkwardError() {
        return new Snapshot(Instant.ofEpochSecond(1_795_608_030L, 1), Optional.of(AWKWARD), List.of(),
                Optional.of(Duration.ofNanos(21)), Map.of());
    }

    /**
     * The interfaces of the three peers as the live state shows them: wg1 has no private key
     * yet ({@code (none)}) and no listen port, wg2 has a fwmark and no peers.
     */
    static List<InterfaceSnapshot> threePeersInterfaces() {
        return List.of(new InterfaceSnapshot("wg0", Optional.of(TestKeys.repeating(9)), OptionalInt.of(51820), OptionalLong.empty()),
                new InterfaceSnapshot("wg1", Optional.empty()),
                new InterfaceSnapshot("wg2", Optional.of(TestKeys.repeating(10)), OptionalInt.of(51822), OptionalLong.of(0xca6c)));
    }

    static Snapshot threePeers() {
        return new Snapshot(TAKEN_AT, Optional.empty(), List.of(up(), downAwkwardName(), neverSeen()),
                Optional.of(Duration.ofMillis(12)), Map.of("changed", 1L, "unchanged", 3L, "failed", 2L));
    }

    /** The three peers with their interfaces, as the daemon's snapshot has them (the status document does not). */
    static Snapshot threePeersWithInterfaces() {
        return threePeers().withInterfaces(threePeersInterfaces());
    }

    static Snapshot liveStateFailed() {
        return new Snapshot(TAKEN_AT, Optional.of("wg show all dump failed: exit status 1: Unable to access interface: Operation not permitted"),
                List.of(), Optional.of(Duration.ofMillis(3)), Map.of());
    }
}
