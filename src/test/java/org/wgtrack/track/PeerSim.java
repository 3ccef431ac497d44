package org.wgtrack.track;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.testing.TrackingParamsBuilder;

/**
 * Drives one peer through cycles the way the daemon does: pingDue, ping (answered or not as
 * the test says), step. Records what happened for assertions.
 */
final class PeerSim {

    PeerTrack track = PeerTrack.initial();
    TrackingParams params;
    boolean pingable = true;
    final List<Step> steps = new ArrayList<>();
    final List<Boolean> pinged = new ArrayList<>();

    PeerSim(TrackingParams params) {
        this.params = params;
    }

    static TrackingParams params(int pingInterval, int failAfter, int wait, int checking, int checkPeriod, int slowPeriod) {
        return TrackingParamsBuilder.defaults().withPingInterval(pingInterval).withPingFailAfterNum(failAfter)
                .withCyclesWait(wait).withCyclesChecking(checking).withCyclesCheckPeriod(checkPeriod)
                .withCyclesSlowCheckingPeriod(slowPeriod).build();
    }

    static TrackingParams schedule(int wait, int checking, int checkPeriod, int slowPeriod) {
        return params(1, 2, wait, checking, checkPeriod, slowPeriod);
    }

    /** One cycle; a due ping is answered when {@code pingAnswered}. */
    Step cycle(HandshakeStatus handshake, boolean pingAnswered, EndpointKind kind) {
        boolean due = PeerStateMachine.pingDue(track, handshake, params, pingable);
        PingOutcome ping = due ? PingOutcome.of(pingAnswered) : PingOutcome.NOT_SENT;
        Step step = PeerStateMachine.step(track, new Observation(handshake, OptionalLong.empty(), ping, pingable, kind),
                params);
        pinged.add(due);
        steps.add(step);
        track = step.next();
        return step;
    }

    /** A healthy cycle: fresh handshake, pings answered. */
    Step up(EndpointKind kind) {
        return cycle(HandshakeStatus.OK, true, kind);
    }

    /** A cycle of a dead link: handshake older than handshake_timeout. */
    Step dead(EndpointKind kind) {
        return cycle(HandshakeStatus.FAILED, false, kind);
    }

    /** 1-based cycle numbers (as counted from the sim's first cycle) on which a ping was sent. */
    List<Integer> pingCycles() {
        List<Integer> cycles = new ArrayList<>();
        for (int i = 0; i < pinged.size(); i++) {
            if (pinged.get(i)) {
                cycles.add(i + 1);
            }
        }
        return cycles;
    }
}
