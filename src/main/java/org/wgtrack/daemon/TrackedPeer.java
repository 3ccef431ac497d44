package org.wgtrack.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.wgtrack.track.PeerTrack;

/** The daemon's mutable bookkeeping for one peer; only the cycle thread touches it. */
final class TrackedPeer {

    PeerTrack track = PeerTrack.initial();
    long endpointUpdates;
    Optional<Instant> lastEndpointChange = Optional.empty();
    Optional<Duration> pingRoundTrip = Optional.empty();
    /** The reason we last warned that the peer cannot be pinged, so we warn once per reason. */
    Optional<String> unpingableWarned = Optional.empty();
}
