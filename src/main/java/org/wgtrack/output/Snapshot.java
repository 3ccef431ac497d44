package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one cycle learned, frozen: what every output writes. When the live-state read
 * failed, {@code liveStateError} says why and {@code peers} is empty, so no output presents
 * old data as fresh.
 *
 * @param takenAt          wall-clock time of the cycle (the timestamp outputs write)
 * @param cycleDuration    how long the previous complete cycle took, if there was one
 * @param resolutions      re-resolutions since start by result ({@code changed}, {@code unchanged}, {@code failed})
 */
public record Snapshot(
        Instant takenAt,
        Optional<String> liveStateError,
        List<PeerSnapshot> peers,
        Optional<Duration> cycleDuration,
        Map<String, Long> resolutions) {

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(liveStateError, "liveStateError");
        peers = List.copyOf(peers);
        Objects.requireNonNull(cycleDuration, "cycleDuration");
        resolutions = Map.copyOf(resolutions);
    }

    public boolean liveStateOk() {
        return liveStateError.isEmpty();
    }
}
