package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.testing.SpecSchedule;

/**
 * Property tests: seeded random observations for many cycles, checked against invariants
 * and against the independent schedule reference of {@link SpecSchedule}.
 */
class PeerStateMachineRandomWalkTest {

    private static final int CYCLES = 500;
    private static final EnumSet<PeerState> RESOLVING =
            EnumSet.of(PeerState.DOWN_CHECKING, PeerState.DOWN_BACKINGOFF, PeerState.DOWN_SLOWCHECKING);
    private static final EnumSet<PeerState> SCHEDULED = EnumSet.of(PeerState.DOWN_WAITING,
            PeerState.DOWN_CHECKING, PeerState.DOWN_BACKINGOFF, PeerState.DOWN_SLOWCHECKING);

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /** How the link behaves for a stretch of cycles. */
    private enum Weather { HEALTHY, PINGS_LOST, DEAD, NEVER, FLAKY }

    /** Draws the world of one cycle: handshake, whether a ping would be answered, endpoint kind. */
    private static final class World {
        private final Random random;
        Weather weather = Weather.HEALTHY;
        EndpointKind kind = EndpointKind.HOSTNAME;

        World(Random random) {
            this.random = random;
        }

        void advance() {
            if (random.nextInt(12) == 0) {
                weather = Weather.values()[random.nextInt(Weather.values().length)];
            }
            if (random.nextInt(60) == 0) {
                kind = EndpointKind.values()[random.nextInt(EndpointKind.values().length)];
            }
        }

        HandshakeStatus handshake() {
            return switch (weather) {
                case HEALTHY, PINGS_LOST -> alive();
                case DEAD -> HandshakeStatus.FAILED;
                case NEVER -> HandshakeStatus.NONE;
                case FLAKY -> HandshakeStatus.values()[random.nextInt(HandshakeStatus.values().length)];
            };
        }

        private HandshakeStatus alive() {
            return switch (random.nextInt(3)) {
                case 0 -> HandshakeStatus.OK;
                case 1 -> HandshakeStatus.PENDING;
                default -> HandshakeStatus.RETRYING;
            };
        }

        boolean pingAnswered() {
            return switch (weather) {
                case HEALTHY -> true;
                case PINGS_LOST, DEAD, NEVER -> false;
                case FLAKY -> random.nextBoolean();
            };
        }
    }

    private static TrackingParams randomParams(Random random) {
        return PeerSim.params(random.nextInt(4), 1 + random.nextInt(3), random.nextInt(4), 1 + random.nextInt(5),
                1 + random.nextInt(4), 1 + random.nextInt(25));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldAndOutagesFollowTheReferenceSchedule(long seed) {
        Random random = new Random(seed);
        TrackingParams params = randomParams(random);
        boolean pingable = random.nextInt(10) != 0;
        boolean pinging = params.pingInterval() > 0 && pingable;
        World world = new World(random);

        PeerTrack track = PeerTrack.initial();
        int fails = 0; // the test's own count of consecutive failed pings
        // the current outage with a schedule: where it began and the reference it must follow
        int outageStart = -1;
        SpecSchedule reference = null;
        int lastResolution = -1;
        int lastInterval = 0;

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            world.advance();
            HandshakeStatus handshake = world.handshake();
            EndpointKind kind = world.kind;
            PeerState before = track.state();

            boolean due = PeerStateMachine.pingDue(track, handshake, params, pingable);
            boolean expectDue = pinging && handshake.isAlive()
                    && (before != PeerState.UP_OK || (cycle + 1) % params.pingInterval() == 0);
            assertThat(due).as("ping due at cycle %d in %s", cycle, before).isEqualTo(expectDue);
            PingOutcome ping = due ? PingOutcome.of(world.pingAnswered()) : PingOutcome.NOT_SENT;

            Step step = PeerStateMachine.step(track,
                    new Observation(handshake, OptionalLong.empty(), ping, pingable, kind), params);
            PeerState after = step.state();
            String at = "seed " + seed + " cycle " + cycle + " " + before + " → " + after;

            // the verdict, computed independently
            fails = ping == PingOutcome.SUCCESS ? 0 : ping == PingOutcome.FAILURE ? fails + 1 : fails;
            Verdict expectVerdict = !handshake.isAlive() ? Verdict.DOWN
                    : ping == PingOutcome.SUCCESS || !pinging ? Verdict.UP
                    : fails >= params.pingFailAfterNum() ? Verdict.DOWN
                    : Verdict.UNDECIDED;
            assertThat(step.verdict()).as(at).isEqualTo(expectVerdict);
            assertThat(step.next().pingFailCount()).as(at).isEqualTo(fails);

            // is_up exactly in up:ok, and up:ok only on an up verdict or by keeping it
            assertThat(after.isUp()).as(at).isEqualTo(after.label().equals("up:ok"));
            if (step.verdict() == Verdict.UP) {
                assertThat(after).as(at).isEqualTo(PeerState.UP_OK);
            }
            if (after == PeerState.UP_OK) {
                assertThat(step.verdict() == Verdict.UP || before == PeerState.UP_OK).as(at).isTrue();
            }

            // a transition exactly when the state changes; the cycle counters follow
            assertThat(step.transition().isPresent()).as(at).isEqualTo(before != after);
            step.transition().ifPresent(t -> {
                assertThat(t.from()).isEqualTo(before);
                assertThat(t.to()).isEqualTo(after);
                assertThat(t.reason()).isNotBlank();
            });
            assertThat(step.next().cyclesInState()).as(at)
                    .isEqualTo(before != after ? 0 : track.cyclesInState() + 1);
            assertThat(step.next().cyclesTracked()).isEqualTo(cycle + 1L);

            // re-resolution only in the re-resolving states, only for hostnames, and never stalled
            if (step.resolveNow()) {
                assertThat(after).as(at).isIn(RESOLVING);
                assertThat(kind).as(at).isEqualTo(EndpointKind.HOSTNAME);
            }
            if (RESOLVING.contains(after)) {
                assertThat(step.next().cyclesSinceResolution()).as(at)
                        .isLessThan(Math.max(1, params.cyclesSlowCheckingPeriod()));
            }

            // a scheduled outage follows the reference, cycle by cycle, from the cycle it began
            if (SCHEDULED.contains(after) && !SCHEDULED.contains(before)) {
                outageStart = cycle;
                // from up:ok the peer waits first; from start-up, down or disabled it checks at once
                int wait = before == PeerState.UP_OK ? params.cyclesWait() : 0;
                reference = SpecSchedule.of(wait, params.cyclesChecking(),
                        params.cyclesCheckPeriod(), params.cyclesSlowCheckingPeriod(), CYCLES);
                lastResolution = -1;
                lastInterval = 0;
            }
            if (SCHEDULED.contains(after)) {
                int k = cycle - outageStart;
                assertThat(after.label()).as(at + " (outage cycle " + k + ")").isEqualTo(reference.labels().get(k));
                assertThat(step.resolveNow()).as(at + " (outage cycle " + k + ")").isEqualTo(reference.resolvesAt(k));
                if (step.resolveNow()) {
                    if (lastResolution >= 0) {
                        int interval = cycle - lastResolution;
                        assertThat(interval).as(at).isGreaterThanOrEqualTo(lastInterval)
                                .isLessThanOrEqualTo(params.cyclesSlowCheckingPeriod());
                        lastInterval = interval;
                    }
                    lastResolution = cycle;
                }
            } else {
                outageStart = -1;
            }

            track = step.next();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parametersChangingEveryCycleNeverCrashOrStall(long seed) {
        Random random = new Random(seed);
        World world = new World(random);
        PeerTrack track = PeerTrack.initial();

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            world.advance();
            // SIGHUP now and then, with values the loader might let through or not
            TrackingParams params = random.nextInt(5) == 0
                    ? PeerSim.params(random.nextInt(5) - 1, random.nextInt(4) - 1, random.nextInt(5) - 1,
                            random.nextInt(6) - 1, random.nextInt(6) - 1, random.nextInt(30) - 1)
                    : randomParams(random);
            boolean pingable = random.nextInt(8) != 0;
            HandshakeStatus handshake = world.handshake();
            boolean due = PeerStateMachine.pingDue(track, handshake, params, pingable);
            PingOutcome ping = due ? PingOutcome.of(world.pingAnswered()) : PingOutcome.NOT_SENT;

            Step step = PeerStateMachine.step(track,
                    new Observation(handshake, OptionalLong.empty(), ping, pingable, world.kind), params);
            String at = "seed " + seed + " cycle " + cycle + " " + track.state() + " → " + step.state();

            int slow = Math.max(1, params.cyclesSlowCheckingPeriod());
            if (RESOLVING.contains(step.state())) {
                assertThat(step.next().cyclesSinceResolution()).as(at).isLessThan(slow);
            }
            if (step.state() == PeerState.DOWN_WAITING) {
                assertThat(step.next().cyclesInState()).as(at).isLessThan(Math.max(0, params.cyclesWait()));
            }
            if (step.resolveNow()) {
                assertThat(step.state()).as(at).isIn(RESOLVING);
            }
            assertThat(step.transition().isPresent()).as(at).isEqualTo(track.state() != step.state());
            track = step.next();
        }
    }
}
