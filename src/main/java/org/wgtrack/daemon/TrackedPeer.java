package org.wgtrack.daemon;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.wgtrack.track.PeerTrack;

/**
 * What the daemon remembers of one peer from one cycle to the next, beyond the state machine's
 * own track: its endpoint repairs and the warning already given. Immutable; a cycle makes the
 * next one.
 *
 * @param track              the state machine's state and counters
 * @param endpointUpdates    times wgtrack pointed WireGuard at a new address for this peer
 * @param lastEndpointChange when it last did
 * @param unpingableWarned   why we last warned that the peer cannot be pinged, so we warn once per reason
 */
record TrackedPeer(PeerTrack track, long endpointUpdates, Optional<Instant> lastEndpointChange,
                   Optional<String> unpingableWarned) {

    /** A peer seen for the first time. */
    static final TrackedPeer NEW = new TrackedPeer(PeerTrack.initial(), 0, Optional.empty(), Optional.empty());

    TrackedPeer {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(lastEndpointChange, "lastEndpointChange");
        Objects.requireNonNull(unpingableWarned, "unpingableWarned");
    }

    /** After wgtrack set a new endpoint for the peer at {@code at}. */
    TrackedPeer withEndpointChangedAt(Instant at) {
        return new TrackedPeer(track, endpointUpdates + 1, Optional.of(at), unpingableWarned);
    }

    /** After this cycle's judgement. */
    TrackedPeer judged(PeerTrack next, Optional<String> unpingableReason) {
        return new TrackedPeer(next, endpointUpdates, lastEndpointChange, unpingableReason);
    }
}
