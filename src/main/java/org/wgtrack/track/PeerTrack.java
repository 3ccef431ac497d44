package org.wgtrack.track;

import java.util.Objects;

/**
 * Everything wgtrack remembers about one peer between cycles: its state and counters.
 * Immutable; {@link PeerStateMachine#step} returns the next one. Kept across SIGHUP.
 *
 * @param state                 the current state
 * @param cyclesInState         cycles since the last state change (0 in the cycle of the change)
 * @param pingFailCount         consecutive failed pings; reset by a success and while pinging is disabled
 * @param cyclesTracked         cycles this peer has been judged; its ping_interval-th cycles are pinged
 * @param resolutionsInState    re-resolutions done in the current state (counts the checking phase)
 * @param cyclesSinceResolution cycles since the previous re-resolution, while re-resolving
 *                              (checking, backingoff, slowchecking); 0 in the other states
 * @param backoffCycles         in down:backingoff the interval the next re-resolution waits for,
 *                              counted from the previous one; 0 in the other states
 */
public record PeerTrack(
        PeerState state,
        int cyclesInState,
        int pingFailCount,
        long cyclesTracked,
        int resolutionsInState,
        int cyclesSinceResolution,
        int backoffCycles) {

    public PeerTrack {
        Objects.requireNonNull(state, "state");
        if (cyclesInState < 0 || pingFailCount < 0 || cyclesTracked < 0 || resolutionsInState < 0
                || cyclesSinceResolution < 0 || backoffCycles < 0) {
            throw new IllegalArgumentException("peer track counters must not be negative, got "
                    + cyclesInState + "/" + pingFailCount + "/" + cyclesTracked + "/" + resolutionsInState
                    + "/" + cyclesSinceResolution + "/" + backoffCycles);
        }
    }

    /** A peer seen for the first time: not yet judged. */
    public static PeerTrack initial() {
        return new PeerTrack(PeerState.UNDEFINED, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The track in state {@code next}: the cycle counter and the schedule counters start again,
     * ping failures and the cycles tracked carry over.
     */
    public PeerTrack entering(PeerState next) {
        return new PeerTrack(next, 0, pingFailCount, cyclesTracked, 0, 0, 0);
    }

    public PeerTrack withCyclesInState(int cycles) {
        return new PeerTrack(state, cycles, pingFailCount, cyclesTracked, resolutionsInState, cyclesSinceResolution, backoffCycles);
    }

    public PeerTrack withPingFailCount(int fails) {
        return new PeerTrack(state, cyclesInState, fails, cyclesTracked, resolutionsInState, cyclesSinceResolution, backoffCycles);
    }

    public PeerTrack withCyclesTracked(long cycles) {
        return new PeerTrack(state, cyclesInState, pingFailCount, cycles, resolutionsInState, cyclesSinceResolution, backoffCycles);
    }

    public PeerTrack withResolutionsInState(int resolutions) {
        return new PeerTrack(state, cyclesInState, pingFailCount, cyclesTracked, resolutions, cyclesSinceResolution, backoffCycles);
    }

    public PeerTrack withCyclesSinceResolution(int cycles) {
        return new PeerTrack(state, cyclesInState, pingFailCount, cyclesTracked, resolutionsInState, cycles, backoffCycles);
    }

    public PeerTrack withBackoffCycles(int cycles) {
        return new PeerTrack(state, cyclesInState, pingFailCount, cyclesTracked, resolutionsInState, cyclesSinceResolution, cycles);
    }
}
