package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wgtrack.track.EndpointKind.HOSTNAME;
import static org.wgtrack.track.EndpointKind.LITERAL;
import static org.wgtrack.track.EndpointKind.NONE;
import static org.wgtrack.track.PeerState.DISABLED;
import static org.wgtrack.track.PeerState.DOWN;
import static org.wgtrack.track.PeerState.DOWN_BACKINGOFF;
import static org.wgtrack.track.PeerState.DOWN_CHECKING;
import static org.wgtrack.track.PeerState.DOWN_SLOWCHECKING;
import static org.wgtrack.track.PeerState.DOWN_WAITING;
import static org.wgtrack.track.PeerState.UNDEFINED;
import static org.wgtrack.track.PeerState.UP_OK;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.testing.TrackingParamsBuilder;

class PeerStateMachineTest {

    private static final TrackingParams DEFAULTS = TrackingParams.DEFAULTS;
    private static final EnumSet<PeerState> DOWN_STATES =
            EnumSet.of(DOWN_WAITING, DOWN_CHECKING, DOWN_BACKINGOFF, DOWN_SLOWCHECKING, DOWN, DISABLED);

    /** A track in {@code state} in the middle of its phase, so that only the verdict and kind can move it. */
    private static PeerTrack midPhase(PeerState state) {
        return switch (state) {
            case UNDEFINED -> PeerTrack.initial();
            case UP_OK, DOWN, DISABLED -> PeerTrack.initial().entering(state).withCyclesInState(3).withCyclesTracked(10);
            case DOWN_WAITING -> PeerTrack.initial().entering(state).withCyclesTracked(10);
            case DOWN_CHECKING -> PeerTrack.initial().entering(state).withCyclesTracked(10).withResolutionsInState(1);
            case DOWN_BACKINGOFF -> PeerTrack.initial().entering(state).withCyclesTracked(10).withBackoffCycles(4);
            case DOWN_SLOWCHECKING -> PeerTrack.initial().entering(state).withCyclesTracked(10);
        };
    }

    /** An observation that gives {@code verdict} to a track with no failed pings, under defaults. */
    private static Observation giving(Verdict verdict, EndpointKind kind) {
        return switch (verdict) {
            case UP -> Observation.of(HandshakeStatus.OK, PingOutcome.SUCCESS, kind);
            case DOWN -> Observation.of(HandshakeStatus.FAILED, PingOutcome.NOT_SENT, kind);
            case UNDECIDED -> Observation.of(HandshakeStatus.OK, PingOutcome.FAILURE, kind);
        };
    }

    @ParameterizedTest(name = "{0} + verdict {1} + {2} endpoint → {3}, resolve {4}")
    @CsvSource({
        // verdict up: every state becomes up:ok
        "UNDEFINED,         UP, HOSTNAME, UP_OK, false",
        "UNDEFINED,         UP, LITERAL,  UP_OK, false",
        "UNDEFINED,         UP, NONE,     UP_OK, false",
        "UP_OK,             UP, HOSTNAME, UP_OK, false",
        "UP_OK,             UP, LITERAL,  UP_OK, false",
        "UP_OK,             UP, NONE,     UP_OK, false",
        "DOWN_WAITING,      UP, HOSTNAME, UP_OK, false",
        "DOWN_WAITING,      UP, LITERAL,  UP_OK, false",
        "DOWN_WAITING,      UP, NONE,     UP_OK, false",
        "DOWN_CHECKING,     UP, HOSTNAME, UP_OK, false",
        "DOWN_CHECKING,     UP, LITERAL,  UP_OK, false",
        "DOWN_CHECKING,     UP, NONE,     UP_OK, false",
        "DOWN_BACKINGOFF,   UP, HOSTNAME, UP_OK, false",
        "DOWN_BACKINGOFF,   UP, LITERAL,  UP_OK, false",
        "DOWN_BACKINGOFF,   UP, NONE,     UP_OK, false",
        "DOWN_SLOWCHECKING, UP, HOSTNAME, UP_OK, false",
        "DOWN_SLOWCHECKING, UP, LITERAL,  UP_OK, false",
        "DOWN_SLOWCHECKING, UP, NONE,     UP_OK, false",
        "DOWN,              UP, HOSTNAME, UP_OK, false",
        "DOWN,              UP, LITERAL,  UP_OK, false",
        "DOWN,              UP, NONE,     UP_OK, false",
        "DISABLED,          UP, HOSTNAME, UP_OK, false",
        "DISABLED,          UP, LITERAL,  UP_OK, false",
        "DISABLED,          UP, NONE,     UP_OK, false",
        // verdict down: start-up goes straight to checking, up:ok waits first
        "UNDEFINED,         DOWN, HOSTNAME, DOWN_CHECKING,     true",
        "UNDEFINED,         DOWN, LITERAL,  DOWN,              false",
        "UNDEFINED,         DOWN, NONE,     DISABLED,          false",
        "UP_OK,             DOWN, HOSTNAME, DOWN_WAITING,      false",
        "UP_OK,             DOWN, LITERAL,  DOWN,              false",
        "UP_OK,             DOWN, NONE,     DISABLED,          false",
        "DOWN_WAITING,      DOWN, HOSTNAME, DOWN_WAITING,      false",
        "DOWN_WAITING,      DOWN, LITERAL,  DOWN,              false",
        "DOWN_WAITING,      DOWN, NONE,     DISABLED,          false",
        "DOWN_CHECKING,     DOWN, HOSTNAME, DOWN_CHECKING,     false",
        "DOWN_CHECKING,     DOWN, LITERAL,  DOWN,              false",
        "DOWN_CHECKING,     DOWN, NONE,     DISABLED,          false",
        "DOWN_BACKINGOFF,   DOWN, HOSTNAME, DOWN_BACKINGOFF,   false",
        "DOWN_BACKINGOFF,   DOWN, LITERAL,  DOWN,              false",
        "DOWN_BACKINGOFF,   DOWN, NONE,     DISABLED,          false",
        "DOWN_SLOWCHECKING, DOWN, HOSTNAME, DOWN_SLOWCHECKING, false",
        "DOWN_SLOWCHECKING, DOWN, LITERAL,  DOWN,              false",
        "DOWN_SLOWCHECKING, DOWN, NONE,     DISABLED,          false",
        "DOWN,              DOWN, HOSTNAME, DOWN_CHECKING,     true",
        "DOWN,              DOWN, LITERAL,  DOWN,              false",
        "DOWN,              DOWN, NONE,     DISABLED,          false",
        "DISABLED,          DOWN, HOSTNAME, DOWN_CHECKING,     true",
        "DISABLED,          DOWN, LITERAL,  DOWN,              false",
        "DISABLED,          DOWN, NONE,     DISABLED,          false",
        // verdict undecided: undefined and up:ok keep their state, down states run on as under down
        "UNDEFINED,         UNDECIDED, HOSTNAME, UNDEFINED,         false",
        "UNDEFINED,         UNDECIDED, LITERAL,  UNDEFINED,         false",
        "UNDEFINED,         UNDECIDED, NONE,     UNDEFINED,         false",
        "UP_OK,             UNDECIDED, HOSTNAME, UP_OK,             false",
        "UP_OK,             UNDECIDED, LITERAL,  UP_OK,             false",
        "UP_OK,             UNDECIDED, NONE,     UP_OK,             false",
        "DOWN_WAITING,      UNDECIDED, HOSTNAME, DOWN_WAITING,      false",
        "DOWN_WAITING,      UNDECIDED, LITERAL,  DOWN,              false",
        "DOWN_WAITING,      UNDECIDED, NONE,     DISABLED,          false",
        "DOWN_CHECKING,     UNDECIDED, HOSTNAME, DOWN_CHECKING,     false",
        "DOWN_CHECKING,     UNDECIDED, LITERAL,  DOWN,              false",
        "DOWN_CHECKING,     UNDECIDED, NONE,     DISABLED,          false",
        "DOWN_BACKINGOFF,   UNDECIDED, HOSTNAME, DOWN_BACKINGOFF,   false",
        "DOWN_BACKINGOFF,   UNDECIDED, LITERAL,  DOWN,              false",
        "DOWN_BACKINGOFF,   UNDECIDED, NONE,     DISABLED,          false",
        "DOWN_SLOWCHECKING, UNDECIDED, HOSTNAME, DOWN_SLOWCHECKING, false",
        "DOWN_SLOWCHECKING, UNDECIDED, LITERAL,  DOWN,              false",
        "DOWN_SLOWCHECKING, UNDECIDED, NONE,     DISABLED,          false",
        "DOWN,              UNDECIDED, HOSTNAME, DOWN_CHECKING,     true",
        "DOWN,              UNDECIDED, LITERAL,  DOWN,              false",
        "DOWN,              UNDECIDED, NONE,     DISABLED,          false",
        "DISABLED,          UNDECIDED, HOSTNAME, DOWN_CHECKING,     true",
        "DISABLED,          UNDECIDED, LITERAL,  DOWN,              false",
        "DISABLED,          UNDECIDED, NONE,     DISABLED,          false",
    })
    void everyStateVerdictAndEndpointKind(PeerState from, Verdict verdict, EndpointKind kind, PeerState expected,
            boolean resolve) {
        PeerTrack track = midPhase(from);

        Step step = PeerStateMachine.step(track, giving(verdict, kind), DEFAULTS);

        assertThat(step.verdict()).isEqualTo(verdict);
        assertThat(step.state()).isEqualTo(expected);
        assertThat(step.resolveNow()).isEqualTo(resolve);
        assertThat(step.next().cyclesTracked()).isEqualTo(track.cyclesTracked() + 1);
        if (expected == from) {
            assertThat(step.transition()).isEmpty();
            assertThat(step.next().cyclesInState()).isEqualTo(track.cyclesInState() + 1);
        } else {
            assertThat(step.transition()).hasValueSatisfying(t -> {
                assertThat(t.from()).isEqualTo(from);
                assertThat(t.to()).isEqualTo(expected);
            });
            assertThat(step.next().cyclesInState()).isZero();
        }
    }

    // --- verdicts and counters -------------------------------------------------------------

    @ParameterizedTest(name = "ping_failafternum {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    void linkIsDownExactlyWhenFailedPingsReachFailAfterNum(int failAfter) {
        PeerSim peer = new PeerSim(PeerSim.params(1, failAfter, 2, 4, 2, 20));
        peer.up(HOSTNAME);
        for (int failure = 1; failure < failAfter; failure++) {
            Step oneShort = peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
            assertThat(oneShort.verdict()).as("failure %d of %d", failure, failAfter).isEqualTo(Verdict.UNDECIDED);
            assertThat(oneShort.state()).isEqualTo(UP_OK);
        }
        Step reached = peer.cycle(HandshakeStatus.OK, false, HOSTNAME);

        assertThat(reached.verdict()).isEqualTo(Verdict.DOWN);
        assertThat(reached.transition()).contains(new Transition(UP_OK, DOWN_WAITING,
                failAfter == 1 ? "1 ping failed" : failAfter + " pings failed"));
    }

    @Test
    void successResetsTheFailCounter() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(HOSTNAME);
        peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
        peer.cycle(HandshakeStatus.OK, true, HOSTNAME);
        assertThat(peer.track.pingFailCount()).isZero();

        Step afterReset = peer.cycle(HandshakeStatus.OK, false, HOSTNAME);

        assertThat(afterReset.verdict()).isEqualTo(Verdict.UNDECIDED);
        assertThat(afterReset.verdictReason()).isEqualTo("1 of 2 pings failed");
        assertThat(afterReset.state()).isEqualTo(UP_OK);
    }

    @Test
    void cyclesWithoutPingKeepTheFailCountConsecutive() {
        PeerSim peer = new PeerSim(PeerSim.params(2, 2, 2, 4, 2, 20));
        peer.up(HOSTNAME); // cycle 1: start-up ping
        peer.cycle(HandshakeStatus.OK, false, HOSTNAME); // cycle 2: pinged, fails
        Step unpinged = peer.cycle(HandshakeStatus.OK, false, HOSTNAME); // cycle 3: no ping due
        assertThat(unpinged.verdict()).isEqualTo(Verdict.UNDECIDED);
        assertThat(unpinged.verdictReason()).isEqualTo("handshake ok, no ping due");

        Step second = peer.cycle(HandshakeStatus.OK, false, HOSTNAME); // cycle 4: pinged, fails again

        assertThat(second.verdict()).isEqualTo(Verdict.DOWN);
        assertThat(peer.pingCycles()).containsExactly(1, 2, 4);
    }

    @Test
    void pingIntervalThreePingsOnEveryThirdCycleOfThePeer() {
        PeerSim peer = new PeerSim(PeerSim.params(3, 2, 2, 4, 2, 20));
        for (int i = 0; i < 13; i++) {
            peer.up(HOSTNAME);
        }
        // cycle 1 is start-up (undefined pings every cycle), then every 3rd cycle in up:ok
        assertThat(peer.pingCycles()).containsExactly(1, 3, 6, 9, 12);
        assertThat(peer.steps).extracting(Step::verdict).containsOnly(Verdict.UP, Verdict.UNDECIDED);
        assertThat(peer.track.state()).isEqualTo(UP_OK);
    }

    /** The verdicts made once per handshake status read as they always did, for every status that is alive. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"OK, ok", "PENDING, pending", "RETRYING, retrying"})
    void handshakeOnlyReasonsNameTheStatus(HandshakeStatus handshake, String status) {
        TrackingParams noPings = TrackingParamsBuilder.defaults().withPingInterval(0).build();
        PeerTrack up = midPhase(UP_OK);

        assertThat(PeerStateMachine.step(up, Observation.of(handshake, PingOutcome.SUCCESS, LITERAL), DEFAULTS).verdictReason())
                .isEqualTo("handshake " + status + ", ping answered");
        assertThat(PeerStateMachine.step(up, Observation.of(handshake, PingOutcome.NOT_SENT, LITERAL), noPings).verdictReason())
                .isEqualTo("handshake " + status + ", pinging disabled");
        Observation noTarget = new Observation(handshake, OptionalLong.empty(), PingOutcome.NOT_SENT, false, LITERAL);
        assertThat(PeerStateMachine.step(up, noTarget, DEFAULTS).verdictReason()).isEqualTo("handshake " + status + ", no ping target");
        Step undecided = PeerStateMachine.step(up, Observation.of(handshake, PingOutcome.NOT_SENT, LITERAL), DEFAULTS);
        assertThat(undecided.verdict()).isEqualTo(Verdict.UNDECIDED);
        assertThat(undecided.verdictReason()).isEqualTo("handshake " + status + ", no ping due");
    }

    @Test
    void pingIntervalOnePingsEveryCycle() {
        PeerSim peer = new PeerSim(DEFAULTS);
        for (int i = 0; i < 5; i++) {
            peer.up(HOSTNAME);
        }
        assertThat(peer.pingCycles()).containsExactly(1, 2, 3, 4, 5);
        assertThat(peer.steps).extracting(Step::verdictReason).containsOnly("handshake ok, ping answered");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PeerState.class, names = {"UNDEFINED", "DOWN_WAITING", "DOWN_CHECKING", "DOWN_BACKINGOFF",
        "DOWN_SLOWCHECKING", "DOWN", "DISABLED"})
    void liveHandshakeIsPingedEveryCycleWhileUndefinedOrDown(PeerState state) {
        TrackingParams everyFifth = PeerSim.params(5, 2, 2, 4, 2, 20);
        for (long tracked = 0; tracked < 10; tracked++) {
            PeerTrack track = PeerTrack.initial().entering(state).withCyclesInState(1).withCyclesTracked(tracked);
            for (HandshakeStatus alive : List.of(HandshakeStatus.OK, HandshakeStatus.PENDING, HandshakeStatus.RETRYING)) {
                assertThat(PeerStateMachine.pingDue(track, alive, everyFifth, true)).isTrue();
            }
            assertThat(PeerStateMachine.pingDue(track, HandshakeStatus.FAILED, everyFifth, true)).isFalse();
            assertThat(PeerStateMachine.pingDue(track, HandshakeStatus.NONE, everyFifth, true)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PeerState.class)
    void noPingWithoutTargetOrWithPingIntervalZero(PeerState state) {
        PeerTrack track = PeerTrack.initial().entering(state).withCyclesInState(1).withCyclesTracked(4);
        assertThat(PeerStateMachine.pingDue(track, HandshakeStatus.OK, DEFAULTS, false)).isFalse();
        assertThat(PeerStateMachine.pingDue(track, HandshakeStatus.OK, PeerSim.params(0, 2, 2, 4, 2, 20), true))
                .isFalse();
    }

    @Test
    void peerWithoutPingTargetIsJudgedByHandshakeAlone() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.pingable = false;

        Step alive = peer.cycle(HandshakeStatus.RETRYING, false, HOSTNAME);

        assertThat(alive.verdict()).isEqualTo(Verdict.UP);
        assertThat(alive.transition()).contains(new Transition(UNDEFINED, UP_OK, "handshake retrying, no ping target"));
        assertThat(peer.pinged).containsOnly(false);
        assertThat(peer.dead(HOSTNAME).state()).isEqualTo(DOWN_WAITING);
    }

    @Test
    void disablingPingingClearsTheFailCount() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(HOSTNAME);
        peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
        assertThat(peer.track.pingFailCount()).isEqualTo(1);

        peer.params = PeerSim.params(0, 2, 2, 4, 2, 20);
        peer.up(HOSTNAME);
        assertThat(peer.track.pingFailCount()).isZero();

        peer.params = DEFAULTS;
        assertThat(peer.cycle(HandshakeStatus.OK, false, HOSTNAME).verdict()).isEqualTo(Verdict.UNDECIDED);
    }

    @Test
    void outcomeOfAPingWithoutTargetIsRejected() {
        assertThatThrownBy(() -> new Observation(HandshakeStatus.OK, OptionalLong.empty(), PingOutcome.SUCCESS, false,
                HOSTNAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ping outcome SUCCESS for a peer without a ping target");
    }

    // --- scenarios of the SPEC -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PeerState.class, names = {"DOWN_WAITING", "DOWN_CHECKING", "DOWN_BACKINGOFF",
        "DOWN_SLOWCHECKING", "DOWN", "DISABLED"})
    void withPingingDisabledALiveHandshakeRecoversEveryDownState(PeerState state) {
        TrackingParams noPing = PeerSim.params(0, 2, 2, 4, 2, 20);
        Step step = PeerStateMachine.step(midPhase(state),
                new Observation(HandshakeStatus.PENDING, OptionalLong.of(130), PingOutcome.NOT_SENT, true, HOSTNAME),
                noPing);

        assertThat(step.verdict()).isEqualTo(Verdict.UP);
        assertThat(step.transition()).contains(new Transition(state, UP_OK, "handshake pending, pinging disabled"));
        assertThat(step.resolveNow()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = PeerState.class, names = {"DOWN_WAITING", "DOWN_CHECKING", "DOWN_BACKINGOFF",
        "DOWN_SLOWCHECKING", "DOWN", "DISABLED"})
    void answeredPingWithLiveHandshakeRecoversEveryDownState(PeerState state) {
        PeerTrack track = PeerTrack.initial().entering(state)
                .withCyclesInState(7)
                .withPingFailCount(5)
                .withCyclesTracked(20)
                .withResolutionsInState(1)
                .withCyclesSinceResolution(1)
                .withBackoffCycles(4);
        assertThat(PeerStateMachine.pingDue(track, HandshakeStatus.OK, DEFAULTS, true)).isTrue();

        Step step = PeerStateMachine.step(track, Observation.of(HandshakeStatus.OK, PingOutcome.SUCCESS, HOSTNAME),
                DEFAULTS);

        assertThat(step.transition()).contains(new Transition(state, UP_OK, "handshake ok, ping answered"));
        assertThat(step.next()).isEqualTo(PeerTrack.initial().entering(UP_OK).withCyclesTracked(21));
    }

    @Test
    void idlePeerWithPingingDisabledReadsDown() {
        PeerSim peer = new PeerSim(PeerSim.params(0, 2, 2, 4, 2, 20));
        peer.up(LITERAL);

        Step idle = PeerStateMachine.step(peer.track,
                new Observation(HandshakeStatus.FAILED, OptionalLong.of(600), PingOutcome.NOT_SENT, true, LITERAL),
                peer.params);

        assertThat(idle.verdict()).isEqualTo(Verdict.DOWN);
        assertThat(idle.transition().map(Transition::toString))
                .contains("up:ok → down (handshake failed (600 s old, handshake_timeout 180 s))");
    }

    @Test
    void startUpWithHostnameGoesStraightToCheckingAndResolves() {
        Step step = PeerStateMachine.step(PeerTrack.initial(),
                new Observation(HandshakeStatus.NONE, OptionalLong.empty(), PingOutcome.NOT_SENT, true, HOSTNAME),
                DEFAULTS);

        assertThat(step.resolveNow()).isTrue();
        assertThat(step.transition().map(Transition::toString)).contains("undefined → down:checking (no handshake)");
        assertThat(step.next()).isEqualTo(PeerTrack.initial().entering(DOWN_CHECKING)
                .withCyclesTracked(1)
                .withResolutionsInState(1));
    }

    @Test
    void startUpWithFailingPingsTriesOncePerCycleThenChecks() {
        PeerSim peer = new PeerSim(DEFAULTS);
        Step first = peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
        assertThat(first.state()).isEqualTo(UNDEFINED);
        assertThat(first.verdict()).isEqualTo(Verdict.UNDECIDED);

        Step second = peer.cycle(HandshakeStatus.OK, false, HOSTNAME);

        assertThat(second.transition().map(Transition::toString))
                .contains("undefined → down:checking (2 pings failed)");
        assertThat(second.resolveNow()).isTrue();
    }

    @Test
    void cyclesWaitZeroGoesFromUpStraightToChecking() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 4, 2, 20));
        peer.up(HOSTNAME);

        Step lost = peer.dead(HOSTNAME);

        assertThat(lost.state()).isEqualTo(DOWN_CHECKING);
        assertThat(lost.resolveNow()).isTrue();
    }

    @ParameterizedTest(name = "cycles_wait {0}")
    @ValueSource(ints = {1, 2, 3, 7})
    void waitingEndsExactlyAfterCyclesWait(int wait) {
        PeerSim peer = new PeerSim(PeerSim.schedule(wait, 4, 2, 20));
        peer.up(HOSTNAME);
        assertThat(peer.dead(HOSTNAME).state()).isEqualTo(DOWN_WAITING); // cycle 0 of the outage
        for (int cycle = 1; cycle < wait; cycle++) {
            Step waiting = peer.dead(HOSTNAME);
            assertThat(waiting.state()).as("cycle %d", cycle).isEqualTo(DOWN_WAITING);
            assertThat(waiting.resolveNow()).isFalse();
        }
        Step over = peer.dead(HOSTNAME);

        assertThat(over.resolveNow()).isTrue();
        assertThat(over.transition()).contains(new Transition(DOWN_WAITING, DOWN_CHECKING,
                "cycles_wait (" + (wait == 1 ? "1 cycle" : wait + " cycles") + ") over"));
    }

    @Test
    void hostnameAppearingWhileDownChecksAtOnce() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(LITERAL);
        assertThat(peer.dead(LITERAL).state()).isEqualTo(DOWN);
        peer.dead(LITERAL);

        Step reloaded = peer.dead(HOSTNAME);

        assertThat(reloaded.transition()).contains(new Transition(DOWN, DOWN_CHECKING, "endpoint is now a hostname"));
        assertThat(reloaded.resolveNow()).isTrue();
    }

    @Test
    void hostnameReplacedByLiteralWhileCheckingStopsResolving() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.dead(HOSTNAME);

        Step reloaded = peer.dead(LITERAL);

        assertThat(reloaded.transition())
                .contains(new Transition(DOWN_CHECKING, DOWN, "endpoint is a literal address"));
        assertThat(peer.dead(NONE).transition())
                .contains(new Transition(DOWN, DISABLED, "no endpoint known"));
    }

    @Test
    void dialInPeerWithoutEndpointIsDisabledUntilItComesUp() {
        PeerSim peer = new PeerSim(DEFAULTS);
        assertThat(peer.cycle(HandshakeStatus.NONE, false, NONE).transition())
                .contains(new Transition(UNDEFINED, DISABLED, "no handshake"));
        for (int i = 0; i < 50; i++) {
            assertThat(peer.cycle(HandshakeStatus.NONE, false, NONE).resolveNow()).isFalse();
        }
        assertThat(peer.track.state()).isEqualTo(DISABLED);
        assertThat(peer.up(LITERAL).state()).isEqualTo(UP_OK);
    }

    @Test
    void literalEndpointIsDownAndNeverResolves() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(LITERAL);
        for (int i = 0; i < 100; i++) {
            Step step = peer.dead(LITERAL);
            assertThat(step.state()).isEqualTo(DOWN);
            assertThat(step.resolveNow()).isFalse();
        }
        assertThat(peer.track.cyclesInState()).isEqualTo(99);
    }

    @Test
    void failedPingsDoNotResetTheSchedule() {
        // handshake alive but every ping fails: pinged every cycle in the down states, schedule as with a dead handshake
        PeerSim pings = new PeerSim(DEFAULTS);
        pings.up(HOSTNAME);
        pings.cycle(HandshakeStatus.OK, false, HOSTNAME); // 1st failure: undecided, still up:ok
        List<Integer> resolutions = IntStream.range(0, 40)
                .filter(cycle -> pings.cycle(HandshakeStatus.OK, false, HOSTNAME).resolveNow())
                .boxed().toList();

        assertThat(resolutions).containsExactly(2, 4, 6, 8, 12, 20, 36);
        assertThat(pings.pinged.subList(2, pings.pinged.size())).containsOnly(true);
    }

    @Test
    void undecidedCyclesInADownStateRunTheScheduleOn() {
        PeerSim peer = new PeerSim(PeerSim.params(1, 100, 2, 4, 2, 20));
        peer.up(HOSTNAME);
        peer.dead(HOSTNAME); // cycle 0 of the outage
        List<Integer> resolutions = IntStream.range(1, 40)
                .filter(cycle -> {
                    // alternate a dead handshake with a live one whose single failed ping leaves the verdict open
                    Step step = cycle % 2 == 0 ? peer.dead(HOSTNAME) : peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
                    assertThat(step.verdict()).isEqualTo(cycle % 2 == 0 ? Verdict.DOWN : Verdict.UNDECIDED);
                    return step.resolveNow();
                })
                .boxed().toList();

        assertThat(resolutions).containsExactly(2, 4, 6, 8, 12, 20, 36);
    }

    // --- reasons, worded for the log -------------------------------------------------------

    @Test
    void transitionsReadLikeAnOperatorsNotebook() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(HOSTNAME);
        peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
        for (int i = 0; i < 60; i++) {
            peer.cycle(HandshakeStatus.OK, false, HOSTNAME);
        }
        peer.up(HOSTNAME);

        assertThat(peer.steps.stream().flatMap(s -> s.transition().stream()).map(Transition::toString)).containsExactly(
                "undefined → up:ok (handshake ok, ping answered)",
                "up:ok → down:waiting (2 pings failed)",
                "down:waiting → down:checking (cycles_wait (2 cycles) over)",
                "down:checking → down:backingoff (4 re-resolutions done)",
                "down:backingoff → down:slowchecking (back-off interval (32 cycles) reaches cycles_slowcheckingperiod (20))",
                "down:slowchecking → up:ok (handshake ok, ping answered)");
    }

    @Test
    void failedHandshakeReasonWithoutKnownAge() {
        Step step = PeerStateMachine.step(midPhase(UP_OK), Observation.of(HandshakeStatus.FAILED,
                PingOutcome.NOT_SENT, HOSTNAME), DEFAULTS);

        assertThat(step.verdictReason()).isEqualTo("handshake failed (handshake_timeout 180 s)");
    }

    @Test
    void checkingGoesStraightToSlowCheckingWhenTheFirstBackOffReachesTheSlowPeriod() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 2, 10, 20));
        peer.dead(HOSTNAME);
        List<Step> steps = IntStream.range(1, 31).mapToObj(c -> peer.dead(HOSTNAME)).toList();

        assertThat(steps.get(10 - 1).resolveNow()).isTrue();
        assertThat(steps.get(11 - 1).transition().map(Transition::toString)).contains(
                "down:checking → down:slowchecking (2 re-resolutions done, back-off interval (20 cycles) reaches"
                        + " cycles_slowcheckingperiod (20))");
        assertThat(steps.get(30 - 1).resolveNow()).isTrue();
    }

    // --- parameters changed by SIGHUP mid-schedule -----------------------------------------

    @Test
    void shorterCheckPeriodResolvesAtOnceIfThatMuchTimeHasPassed() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 4, 5, 20));
        peer.dead(HOSTNAME); // checking, resolution 1
        peer.dead(HOSTNAME);
        peer.dead(HOSTNAME); // 2 cycles since

        peer.params = PeerSim.schedule(0, 4, 2, 20);
        assertThat(peer.dead(HOSTNAME).resolveNow()).isTrue();
    }

    @Test
    void fewerCheckingResolutionsEndTheCheckingPhaseNextCycle() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 4, 2, 20));
        peer.dead(HOSTNAME);
        peer.dead(HOSTNAME);
        peer.dead(HOSTNAME); // resolution 2

        peer.params = PeerSim.schedule(0, 2, 2, 20);
        Step step = peer.dead(HOSTNAME);
        assertThat(step.transition()).contains(new Transition(DOWN_CHECKING, DOWN_BACKINGOFF, "2 re-resolutions done"));
        assertThat(step.next().backoffCycles()).isEqualTo(4);
    }

    @Test
    void shorterSlowPeriodMovesABackOffIntoSlowCheckingAndResolvesWhenDue() {
        PeerSim peer = new PeerSim(DEFAULTS);
        peer.up(HOSTNAME);
        for (int cycle = 0; cycle <= 25; cycle++) { // last resolution at 20, next back-off interval 16
            peer.dead(HOSTNAME);
        }
        assertThat(peer.track).isEqualTo(PeerTrack.initial().entering(DOWN_BACKINGOFF)
                .withCyclesInState(16)
                .withCyclesTracked(27)
                .withResolutionsInState(2)
                .withCyclesSinceResolution(5)
                .withBackoffCycles(16));

        peer.params = PeerSim.schedule(2, 4, 2, 5);
        Step step = peer.dead(HOSTNAME);

        assertThat(step.transition().map(Transition::reason))
                .contains("back-off interval (16 cycles) reaches cycles_slowcheckingperiod (5)");
        assertThat(step.resolveNow()).isTrue();
        assertThat(step.next().cyclesSinceResolution()).isZero();
    }

    @Test
    void longerCyclesWaitExtendsTheWait() {
        PeerSim peer = new PeerSim(PeerSim.schedule(2, 4, 2, 20));
        peer.up(HOSTNAME);
        peer.dead(HOSTNAME);
        peer.params = PeerSim.schedule(4, 4, 2, 20);
        assertThat(IntStream.range(1, 5).mapToObj(c -> peer.dead(HOSTNAME).state()))
                .containsExactly(DOWN_WAITING, DOWN_WAITING, DOWN_WAITING, DOWN_CHECKING);
    }

    @ParameterizedTest(name = "pingInterval {0}, failAfter {1}, wait {2}, checking {3}, period {4}, slow {5}")
    @CsvSource({
        "0, 0, 0, 0, 0, 0",
        "-1, -1, -1, -1, -1, -1",
        "2147483647, 2147483647, 2147483647, 2147483647, 2147483647, 2147483647",
        "1, 1, 0, 1, 1, 1",
    })
    void outOfRangeParametersNeitherCrashNorStall(int pingInterval, int failAfter, int wait, int checking, int period,
            int slow) {
        TrackingParams odd = TrackingParamsBuilder.defaults().withPingInterval(pingInterval).withPingFailAfterNum(failAfter)
                .withPingTimeout(Duration.ZERO).withCyclesWait(wait).withCyclesChecking(checking)
                .withCyclesCheckPeriod(period).withCyclesSlowCheckingPeriod(slow).build();
        PeerSim peer = new PeerSim(odd);
        peer.up(HOSTNAME);
        List<Integer> resolutions = new java.util.ArrayList<>();
        int deadCycles = 50;
        for (int cycle = 0; cycle < deadCycles; cycle++) {
            long trackedBefore = peer.track.cyclesTracked();
            Step step = peer.dead(HOSTNAME);
            assertThat(step.state()).isIn(DOWN_STATES);
            assertThat(step.next().cyclesTracked()).isEqualTo(trackedBefore + 1);
            if (step.resolveNow()) {
                resolutions.add(cycle);
            }
        }
        // Not stalled: the first re-resolution comes once the (clamped) wait is served, and no
        // interval after it is longer than the (clamped) slow-checking period.
        int clampedWait = Math.max(0, wait);
        int clampedSlow = Math.max(1, slow);
        if (clampedWait >= deadCycles) {
            assertThat(resolutions).isEmpty();
        } else {
            assertThat(resolutions).isNotEmpty();
            assertThat(resolutions.get(0)).isLessThanOrEqualTo(clampedWait);
            for (int i = 1; i < resolutions.size(); i++) {
                assertThat(resolutions.get(i) - resolutions.get(i - 1)).isLessThanOrEqualTo(clampedSlow);
            }
            assertThat(deadCycles - 1 - resolutions.get(resolutions.size() - 1)).isLessThan(clampedSlow);
        }
        assertThat(peer.up(HOSTNAME).state()).isEqualTo(UP_OK);
    }

    @Test
    void clampedSlowPeriodOfOneResolvesEveryCycle() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 1, 0, 0));
        assertThat(IntStream.range(0, 10).mapToObj(c -> peer.dead(HOSTNAME).resolveNow())).containsOnly(true);
    }

    @Test
    void checkPeriodLongerThanSlowPeriodIsCappedAtIt() {
        PeerSim peer = new PeerSim(PeerSim.schedule(0, 3, 30, 20));
        List<Integer> resolutions = IntStream.range(0, 81).filter(c -> peer.dead(HOSTNAME).resolveNow()).boxed().toList();
        assertThat(resolutions).containsExactly(0, 20, 40, 60, 80);
    }

    // --- values ----------------------------------------------------------------------------

    @Test
    void transitionMustChangeTheState() {
        assertThatThrownBy(() -> new Transition(DOWN, DOWN, "nothing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a transition must change the state, got down → down");
    }

    @Test
    void stepTransitionMustEndInTheNextState() {
        assertThatThrownBy(() -> new Step(PeerTrack.initial(), Verdict.UP, false,
                Optional.of(new Transition(DOWN, UP_OK, "x")), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transition down → up:ok (x) does not end in undefined");
    }

    @Test
    void trackCountersMustNotBeNegative() {
        assertThatThrownBy(() -> new PeerTrack(UP_OK, -1, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("peer track counters must not be negative, got -1/0/0/0/0/0");
    }

    @Test
    void initialTrackIsUndefinedWithAllCountersZero() {
        assertThat(PeerTrack.initial()).isEqualTo(new PeerTrack(UNDEFINED, 0, 0, 0, 0, 0, 0));
    }
}
