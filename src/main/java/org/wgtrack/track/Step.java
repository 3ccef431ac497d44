package org.wgtrack.track;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one cycle for one peer: its next track and what to do.
 *
 * @param next          the track to keep for the next cycle
 * @param verdict       this cycle's verdict on the link
 * @param resolveNow    re-resolve the peer's endpoint hostname this cycle
 * @param transition    the state change to log at info, if the state changed
 * @param verdictReason why the verdict is what it is, e.g. {@code "1 of 2 pings failed"}; for debug logs
 */
public record Step(
        PeerTrack next,
        Verdict verdict,
        boolean resolveNow,
        Optional<Transition> transition,
        String verdictReason) {

    public Step {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(verdictReason, "verdictReason");
        // Not ifPresent: its lambda would capture next, one more object per peer and cycle.
        if (transition.isPresent() && transition.get().to() != next.state()) {
            throw new IllegalArgumentException("transition " + transition.get() + " does not end in " + next.state());
        }
    }

    /** Shorthand for {@code next().state()}. */
    public PeerState state() {
        return next.state();
    }
}
