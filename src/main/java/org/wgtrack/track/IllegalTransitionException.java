package org.wgtrack.track;

/** A state change that {@link TransitionTable} does not list; the machine never makes one. */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    IllegalTransitionException(PeerState from, PeerState to) {
        super("no transition " + from + " → " + to + " in the transition table");
    }
}
