package org.wgtrack.output;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventHistory;
import java.util.Optional;

/**
 * Everything one cycle learned, frozen: what every output writes. When the live-state read
 * failed, {@code liveStateError} says why and {@code peers} is empty, so no output presents
 * old data as fresh.
 *
 * @param takenAt          wall-clock time of the cycle (the timestamp outputs write)
 * @param cycleDuration    how long the previous complete cycle took, if there was one
 * @param resolutions      re-resolutions since start by result ({@code changed}, {@code unchanged}, {@code failed})
 * @param events           what changed in this cycle, oldest first
 * @param recentEvents     the last events of the daemon's life ({@link EventHistory}), oldest first
 * @param hookEvents       events per hook and result ({@code sent}, {@code failed}, {@code dropped}) since start or reload
 * @param interfaces       the tracked interfaces of the live state, in the order wg printed them (empty when it failed)
 */
public record Snapshot(
        Instant takenAt,
        Optional<String> liveStateError,
        List<PeerSnapshot> peers,
        Optional<Duration> cycleDuration,
        Map<String, Long> resolutions,
        List<Event> events,
        List<Event> recentEvents,
        Map<String, Map<String, Long>> hookEvents,
        List<InterfaceSnapshot> interfaces) {

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(liveStateError, "liveStateError");
        peers = List.copyOf(peers);
        Objects.requireNonNull(cycleDuration, "cycleDuration");
        resolutions = Map.copyOf(resolutions);
        events = List.copyOf(events);
        recentEvents = List.copyOf(recentEvents);
        hookEvents = Map.copyOf(hookEvents);
        interfaces = List.copyOf(interfaces);
    }

    /** A snapshot without events (what the tracker freezes; the daemon adds them). */
    public Snapshot(Instant takenAt, Optional<String> liveStateError, List<PeerSnapshot> peers, Optional<Duration> cycleDuration,
                    Map<String, Long> resolutions) {
        this(takenAt, liveStateError, peers, cycleDuration, resolutions, List.of(), List.of(), Map.of(), List.of());
    }

    /** The same, with this cycle's events and the recent ones. */
    public Snapshot withEvents(List<Event> cycleEvents, List<Event> recent) {
        return new Snapshot(takenAt, liveStateError, peers, cycleDuration, resolutions, cycleEvents, recent, hookEvents, interfaces);
    }

    /** The same, with the hooks' counts. */
    public Snapshot withHookEvents(Map<String, Map<String, Long>> counts) {
        return new Snapshot(takenAt, liveStateError, peers, cycleDuration, resolutions, events, recentEvents, counts, interfaces);
    }

    /** The same, with the tracked interfaces the live state showed. */
    public Snapshot withInterfaces(List<InterfaceSnapshot> tracked) {
        return new Snapshot(takenAt, liveStateError, peers, cycleDuration, resolutions, events, recentEvents, hookEvents, tracked);
    }

    public boolean liveStateOk() {
        return liveStateError.isEmpty();
    }
}
