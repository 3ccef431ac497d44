package org.wgtrack.track;

import java.util.Objects;

/**
 * A state change of one peer and why, worded for the operator's log, e.g.
 * {@code up:ok → down:waiting (2 pings failed)}. Only the changes {@link TransitionTable} lists exist.
 */
public record Transition(PeerState from, PeerState to, String reason) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (from == to) {
            throw new IllegalArgumentException("a transition must change the state, got " + from + " → " + to);
        }
        TransitionTable.require(from, to);
    }

    @Override
    public String toString() {
        return from + " → " + to + " (" + reason + ")";
    }
}
