package org.wgtrack.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.track.PeerState;
import org.wgtrack.track.Transition;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;

/**
 * Turns what a cycle saw into events, on the cycle thread: a state change of a peer becomes
 * {@code down} (left {@code up:ok} for a down state) or {@code up} (back to {@code up:ok} from a
 * down state, with the outage's length); a first judgement after start ({@code undefined → …})
 * becomes the same event marked as start-up; other changes (between down states, to or from
 * {@code disabled}) are no event. A failed re-resolution is reported once per outage.
 * Remembers, per peer, since when it is down.
 */
public final class EventDeriver {

    private final Map<PeerId, Instant> downSince = new HashMap<>();
    private final Map<PeerId, Boolean> resolutionFailureReported = new HashMap<>();

    /** The event a transition stands for, if any. */
    public Optional<Event> transition(Instant now, PeerId peer, Optional<String> name, Transition transition,
                                      Optional<Endpoint> endpoint) {
        PeerState from = transition.from();
        PeerState to = transition.to();
        boolean startup = from == PeerState.UNDEFINED;
        if (isDown(to) && (from == PeerState.UP_OK || startup)) {
            downSince.put(peer, now);
            return Optional.of(peerEvent(now, EventType.DOWN, peer, name, transition, endpoint, OptionalLong.empty(), startup));
        }
        if (to == PeerState.UP_OK && (isDown(from) || startup)) {
            Instant since = downSince.remove(peer);
            resolutionFailureReported.remove(peer);
            OptionalLong down = since == null ? OptionalLong.empty() : OptionalLong.of(Duration.between(since, now).toSeconds());
            return Optional.of(peerEvent(now, EventType.UP, peer, name, transition, endpoint, down, startup));
        }
        return Optional.empty();
    }

    /** A failed re-resolution, once until the peer is up again. */
    public Optional<Event> resolutionFailed(Instant now, PeerId peer, Optional<String> name, String reason,
                                            Optional<Endpoint> endpoint) {
        if (resolutionFailureReported.put(peer, true) != null) {
            return Optional.empty();
        }
        return Optional.of(new Event(now, EventType.RESOLUTION_FAILED, Optional.of(peer), name, Optional.empty(), Optional.empty(),
                reason, endpoint, Optional.empty(), OptionalLong.empty(), false));
    }

    public static Event endpointChanged(Instant now, PeerId peer, Optional<String> name, Optional<Endpoint> before,
                                        Endpoint after, String reason) {
        return new Event(now, EventType.ENDPOINT_CHANGED, Optional.of(peer), name, Optional.empty(), Optional.empty(),
                reason, Optional.of(after), before, OptionalLong.empty(), false);
    }

    public static Event liveState(Instant now, boolean works, String reason) {
        return new Event(now, works ? EventType.LIVE_STATE_RECOVERED : EventType.LIVE_STATE_FAILED, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), reason, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), false);
    }

    /** Forgets peers gone from the live state, so one that returns starts afresh. */
    public void retain(java.util.Set<PeerId> present) {
        downSince.keySet().retainAll(present);
        resolutionFailureReported.keySet().retainAll(present);
    }

    private static Event peerEvent(Instant now, EventType type, PeerId peer, Optional<String> name, Transition transition,
                                   Optional<Endpoint> endpoint, OptionalLong downSeconds, boolean startup) {
        return new Event(now, type, Optional.of(peer), name, Optional.of(transition.from()), Optional.of(transition.to()),
                transition.reason(), endpoint, Optional.empty(), downSeconds, startup);
    }

    static boolean isDown(PeerState state) {
        return state.label().startsWith("down");
    }
}
