package org.wgtrack.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;

/**
 * One change that matters to an operator. Peer events carry the peer; the live-state events
 * ({@link EventType#LIVE_STATE_FAILED}, {@link EventType#LIVE_STATE_RECOVERED}) carry none.
 * Holds nothing secret: public keys, names, states, reasons and endpoints only.
 *
 * @param startup      a peer's first judgement after start ({@code undefined → …}), sent only to hooks that ask
 * @param reason       the words the log uses ({@code 2 pings failed}, {@code cannot resolve …})
 * @param endpoint     the peer's endpoint now (for endpoint_changed: the new one)
 * @param oldEndpoint  for endpoint_changed: the one before
 * @param downSeconds  for up: how long the peer was down
 */
public record Event(Instant time, EventType type, Optional<PeerId> peer, Optional<String> name,
                    Optional<PeerState> oldState, Optional<PeerState> newState, String reason,
                    Optional<Endpoint> endpoint, Optional<Endpoint> oldEndpoint, OptionalLong downSeconds,
                    boolean startup) {

    public Event {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(oldEndpoint, "oldEndpoint");
        Objects.requireNonNull(downSeconds, "downSeconds");
    }

    /** The interface of a peer event, empty for the live-state events. */
    public Optional<String> interfaceName() {
        return peer.map(PeerId::interfaceName);
    }
}
