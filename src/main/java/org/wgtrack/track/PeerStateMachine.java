package org.wgtrack.track;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.wgtrack.config.TrackingParams;

/**
 * The whole peer state machine of SPEC §3: which of {@link TransitionTable}'s rows applies, and
 * the re-resolution schedule, all in this file. Pure: no I/O, no
 * clock, no logging. The daemon calls it twice per peer and cycle, because the ping happens
 * in between:
 * <pre>
 *   HandshakeStatus hs = HandshakeStatus.judge(latest, now, params.handshakeTimeout());
 *   boolean ping = PeerStateMachine.pingDue(track, hs, params, pingable);
 *   ... ping if due, collect the outcome ...
 *   Step step = PeerStateMachine.step(track, observation, params);
 *   track = step.next();  // log step.transition(), re-resolve if step.resolveNow()
 * </pre>
 *
 * <h2>Re-resolution schedule</h2>
 * With defaults and the link lost at cycle 0 (the first cycle whose verdict is down after
 * up:ok), the peer re-resolves at cycles 2, 4, 6, 8 (checking), 12, 20, 36 (backing off by 4,
 * 8, 16), then every 20 cycles: 56, 76, 96, … The state each cycle shows:
 * <pre>
 *   cycle   0-1  down:waiting
 *   cycle   2-8  down:checking       re-resolves at 2 (on entering), 4, 6, 8
 *   cycle  9-36  down:backingoff     re-resolves at 12, 20, 36
 *   cycle   37-  down:slowchecking   re-resolves at 56, 76, …
 * </pre>
 * A phase's last re-resolution is shown under that phase (8 is a checking one, 36 a
 * backing-off one, as the SPEC's timeline names them); the next phase begins on the
 * following cycle, when the machine sees that the phase has nothing left to do: checking has
 * done its {@code cycles_checking} re-resolutions, or the next back-off interval (32) would
 * reach {@code cycles_slowcheckingperiod} (20). Intervals are always counted from the previous
 * re-resolution, across these phase changes.
 *
 * <h2>Choices where the SPEC is silent</h2>
 * <ul>
 * <li>The endpoint kind may change while the link stays down (SIGHUP edited the wg-quick
 *     file, wg learned a dial-in peer's address). The down state follows the kind at once:
 *     a literal endpoint → {@code down}, none → {@code disabled}, and a hostname in
 *     {@code down}/{@code disabled} → {@code down:checking} at once, re-resolving now: the link
 *     has been down for a while already, so {@code cycles_wait} has been served, like at start-up.
 * <li>Parameters are read anew every cycle (SIGHUP may change them); the track keeps only
 *     counters, and every due test is "at least", so a changed parameter never stalls a peer:
 *     a shorter {@code cycles_checkperiod} or {@code cycles_slowcheckingperiod} re-resolves at
 *     once if that much time has passed. A running back-off keeps its interval (it came from
 *     the old checkperiod) until it doubles into slow checking; a new checkperiod applies from
 *     the next checking phase.
 * <li>Out-of-range values (the config loader should reject them) are clamped rather than
 *     crash the daemon: {@code ping_failafternum}, {@code cycles_checking},
 *     {@code cycles_checkperiod} and {@code cycles_slowcheckingperiod} at least 1,
 *     {@code ping_interval} and {@code cycles_wait} at least 0. {@code cycles_checkperiod} is
 *     also capped at {@code cycles_slowcheckingperiod}, the longest interval there may be.
 * <li>While pinging is disabled for a peer its fail counter stays 0: "consecutive failures"
 *     only mean something for pinging that is in effect, and a stale count must not mark the
 *     link down the moment pinging is switched back on.
 * <li>The ping_interval-th cycles are counted from the peer's first cycle (cycle 1), so a
 *     peer's pings do not depend on when other peers appeared; start-up (undefined) and down
 *     states with a live handshake ping every cycle in addition.
 * </ul>
 */
public final class PeerStateMachine {

    // The judgements whose reason names the handshake status alone, made once: nearly every peer
    // gets one of them every cycle, and a reason built anew is three objects per peer and cycle.
    private static final Map<HandshakeStatus, Judgement> PING_ANSWERED = byHandshake(Verdict.UP, ", ping answered");
    private static final Map<HandshakeStatus, Judgement> PINGING_DISABLED = byHandshake(Verdict.UP, ", pinging disabled");
    private static final Map<HandshakeStatus, Judgement> NO_PING_TARGET = byHandshake(Verdict.UP, ", no ping target");
    private static final Map<HandshakeStatus, Judgement> NO_PING_DUE = byHandshake(Verdict.UNDECIDED, ", no ping due");

    private PeerStateMachine() {
    }

    /**
     * Whether the daemon must ping the peer this cycle (SPEC §2, §3): only while the handshake
     * is alive and pinging is enabled (ping_interval &gt; 0 and a ping target); then on every
     * ping_interval-th cycle of the peer, and on every cycle while it is undefined or down.
     */
    public static boolean pingDue(PeerTrack track, HandshakeStatus handshake, TrackingParams params,
            boolean pingable) {
        int interval = Limits.pingInterval(params);
        if (!handshake.isAlive() || interval == 0 || !pingable) {
            return false;
        }
        return switch (track.state()) {
            case UP_OK -> (track.cyclesTracked() + 1) % interval == 0;
            case UNDEFINED, DOWN_WAITING, DOWN_CHECKING, DOWN_BACKINGOFF, DOWN_SLOWCHECKING, DOWN, DISABLED -> true;
        };
    }

    /** Judges one cycle of one peer and returns its next track and what to do. */
    public static Step step(PeerTrack track, Observation observation, TrackingParams params) {
        Limits limits = Limits.of(params);
        boolean pinging = limits.pingInterval() > 0 && observation.pingable();
        int fails = switch (observation.ping()) {
            case SUCCESS -> 0;
            case FAILURE -> pinging ? plusOne(track.pingFailCount()) : 0;
            case NOT_SENT -> pinging ? track.pingFailCount() : 0;
        };
        Judgement judgement = judge(observation, pinging, fails, limits, params);
        Cycle cycle = new Cycle(track, fails, judgement, limits);
        PeerState state = track.state();
        EndpointKind kind = observation.endpoint();

        return switch (judgement.verdict()) {
            case UP -> state == PeerState.UP_OK ? cycle.stay() : cycle.moveTo(PeerState.UP_OK, judgement.reason());
            case DOWN, UNDECIDED -> switch (state) {
                case UNDEFINED, UP_OK -> {
                    if (judgement.verdict() == Verdict.UNDECIDED) {
                        yield cycle.stay();
                    }
                    yield switch (kind) {
                        // start-up does not wait: the link may have been down for long already
                        case HOSTNAME -> state == PeerState.UNDEFINED || limits.cyclesWait() == 0
                                ? cycle.enterChecking(judgement.reason())
                                : cycle.moveTo(PeerState.DOWN_WAITING, judgement.reason());
                        case LITERAL -> cycle.moveTo(PeerState.DOWN, judgement.reason());
                        case NONE -> cycle.moveTo(PeerState.DISABLED, judgement.reason());
                    };
                }
                case DOWN_WAITING, DOWN_CHECKING, DOWN_BACKINGOFF, DOWN_SLOWCHECKING, DOWN, DISABLED ->
                        downCycle(cycle, kind);
            };
        };
    }

    /** A down state under a down or undecided verdict: follow the endpoint kind, run the schedule. */
    private static Step downCycle(Cycle cycle, EndpointKind kind) {
        PeerState state = cycle.track().state();
        Limits limits = cycle.limits();
        if (kind == EndpointKind.LITERAL) {
            return state == PeerState.DOWN ? cycle.stay() : cycle.moveTo(PeerState.DOWN, "endpoint is a literal address");
        }
        if (kind == EndpointKind.NONE) {
            return state == PeerState.DISABLED ? cycle.stay() : cycle.moveTo(PeerState.DISABLED, "no endpoint known");
        }
        int since = plusOne(cycle.track().cyclesSinceResolution());
        return switch (state) {
            case DOWN, DISABLED -> cycle.enterChecking("endpoint is now a hostname");
            case DOWN_WAITING -> plusOne(cycle.track().cyclesInState()) >= limits.cyclesWait()
                    ? cycle.enterChecking("cycles_wait (" + count(limits.cyclesWait(), "cycle") + ") over")
                    : cycle.stay();
            case DOWN_CHECKING -> {
                int done = cycle.track().resolutionsInState();
                if (done < limits.cyclesChecking()) {
                    yield since >= limits.checkPeriod() ? cycle.resolveAndStay(0) : cycle.stay();
                }
                String reason = count(done, "re-resolution") + " done";
                int interval = Backoff.firstInterval(limits.checkPeriod());
                if (Backoff.reachesSlowChecking(interval, limits.slowPeriod())) {
                    yield cycle.enterSlowChecking(since, reason + ", back-off interval (" + interval
                            + " cycles) reaches cycles_slowcheckingperiod (" + limits.slowPeriod() + ")");
                }
                yield cycle.enterBackingOff(since, interval, reason);
            }
            case DOWN_BACKINGOFF -> {
                int interval = cycle.track().backoffCycles();
                if (Backoff.reachesSlowChecking(interval, limits.slowPeriod())) {
                    yield cycle.enterSlowChecking(since, "back-off interval (" + interval
                            + " cycles) reaches cycles_slowcheckingperiod (" + limits.slowPeriod() + ")");
                }
                yield since >= interval ? cycle.resolveAndStay(Backoff.doubled(interval)) : cycle.stay();
            }
            case DOWN_SLOWCHECKING -> since >= limits.slowPeriod() ? cycle.resolveAndStay(0) : cycle.stay();
            case UNDEFINED, UP_OK -> throw new IllegalStateException("not a down state: " + state);
        };
    }

    /** The verdict of SPEC §3, "every cycle first gives a verdict". */
    private static Judgement judge(Observation observation, boolean pinging, int fails, Limits limits,
            TrackingParams params) {
        HandshakeStatus handshake = observation.handshake();
        if (handshake == HandshakeStatus.NONE) {
            return new Judgement(Verdict.DOWN, "no handshake");
        }
        if (handshake == HandshakeStatus.FAILED) {
            String age = observation.handshakeAgeSeconds().isPresent()
                    ? observation.handshakeAgeSeconds().getAsLong() + " s old, "
                    : "";
            return new Judgement(Verdict.DOWN, "handshake failed (" + age + "handshake_timeout "
                    + params.handshakeTimeout().toSeconds() + " s)");
        }
        if (observation.ping() == PingOutcome.SUCCESS) {
            return PING_ANSWERED.get(handshake);
        }
        if (!pinging) {
            return limits.pingInterval() == 0 ? PINGING_DISABLED.get(handshake) : NO_PING_TARGET.get(handshake);
        }
        if (fails >= limits.pingFailAfterNum()) {
            return new Judgement(Verdict.DOWN, count(fails, "ping") + " failed");
        }
        return observation.ping() == PingOutcome.FAILURE
                ? new Judgement(Verdict.UNDECIDED, fails + " of " + count(limits.pingFailAfterNum(), "ping") + " failed")
                : NO_PING_DUE.get(handshake);
    }

    private static Map<HandshakeStatus, Judgement> byHandshake(Verdict verdict, String rest) {
        Map<HandshakeStatus, Judgement> judgements = new EnumMap<>(HandshakeStatus.class);
        for (HandshakeStatus handshake : HandshakeStatus.values()) {
            judgements.put(handshake, new Judgement(verdict, "handshake " + handshake + rest));
        }
        return judgements;
    }

    private static String count(int n, String noun) {
        return n == 1 ? "1 " + noun : n + " " + noun + "s";
    }

    private static int plusOne(int counter) {
        return counter == Integer.MAX_VALUE ? counter : counter + 1;
    }

    private record Judgement(Verdict verdict, String reason) {
    }

    /**
     * The parameters as the machine uses them: out-of-range values clamped (see the class
     * comment), so that no configuration can make the schedule crash or stall.
     */
    private record Limits(int pingInterval, int pingFailAfterNum, int cyclesWait, int cyclesChecking,
            int checkPeriod, int slowPeriod) {

        static Limits of(TrackingParams p) {
            int slow = Math.max(1, p.cyclesSlowCheckingPeriod());
            return new Limits(pingInterval(p), Math.max(1, p.pingFailAfterNum()),
                    Math.max(0, p.cyclesWait()), Math.max(1, p.cyclesChecking()),
                    Math.min(slow, Math.max(1, p.cyclesCheckPeriod())), slow);
        }

        /** {@code of(p).pingInterval()} without the other limits (pingDue needs only it). */
        static int pingInterval(TrackingParams p) {
            return Math.max(0, p.pingInterval());
        }
    }

    /** Builds the outcomes of one cycle of one peer; every step counts the cycle once. */
    private record Cycle(PeerTrack track, int fails, Judgement judgement, Limits limits) {

        /** The track with this cycle counted and its ping failures recorded; the steps below start from it. */
        private PeerTrack counted() {
            return track.withCyclesTracked(track.cyclesTracked() + 1).withPingFailCount(fails);
        }

        /** No state change, nothing to do: the step of nearly every peer in nearly every cycle, so one new track, not four. */
        Step stay() {
            int sinceResolution = isResolving(track.state()) ? plusOne(track.cyclesSinceResolution()) : 0;
            return step(new PeerTrack(track.state(), plusOne(track.cyclesInState()), fails, track.cyclesTracked() + 1,
                    track.resolutionsInState(), sinceResolution, track.backoffCycles()), false, Optional.empty());
        }

        /** Re-resolve in the current state; {@code backoffCycles} is the next back-off interval. */
        Step resolveAndStay(int backoffCycles) {
            return step(counted().withCyclesInState(plusOne(track.cyclesInState()))
                    .withResolutionsInState(plusOne(track.resolutionsInState()))
                    .withCyclesSinceResolution(0)
                    .withBackoffCycles(backoffCycles), true, Optional.empty());
        }

        /** A state change into a state without a schedule (or up:ok): all schedule counters cleared. */
        Step moveTo(PeerState to, String reason) {
            return step(counted().entering(to), false, transition(to, reason));
        }

        /** Entering down:checking re-resolves at once. */
        Step enterChecking(String reason) {
            return step(counted().entering(PeerState.DOWN_CHECKING).withResolutionsInState(1), true,
                    transition(PeerState.DOWN_CHECKING, reason));
        }

        /** {@code since} counts from the previous re-resolution, which still times the first back-off. */
        Step enterBackingOff(int since, int interval, String reason) {
            boolean due = since >= interval;
            return step(counted().entering(PeerState.DOWN_BACKINGOFF)
                    .withResolutionsInState(due ? 1 : 0)
                    .withCyclesSinceResolution(due ? 0 : since)
                    .withBackoffCycles(due ? Backoff.doubled(interval) : interval), due,
                    transition(PeerState.DOWN_BACKINGOFF, reason));
        }

        /** {@code since} counts from the previous re-resolution; with a short period it may be due at once. */
        Step enterSlowChecking(int since, String reason) {
            boolean due = since >= limits.slowPeriod();
            return step(counted().entering(PeerState.DOWN_SLOWCHECKING)
                    .withResolutionsInState(due ? 1 : 0)
                    .withCyclesSinceResolution(due ? 0 : since), due,
                    transition(PeerState.DOWN_SLOWCHECKING, reason));
        }

        private Optional<Transition> transition(PeerState to, String reason) {
            return Optional.of(new Transition(track.state(), to, reason));
        }

        private Step step(PeerTrack next, boolean resolveNow, Optional<Transition> transition) {
            return new Step(next, judgement.verdict(), resolveNow, transition, judgement.reason());
        }

        private static boolean isResolving(PeerState state) {
            return switch (state) {
                case DOWN_CHECKING, DOWN_BACKINGOFF, DOWN_SLOWCHECKING -> true;
                case UNDEFINED, UP_OK, DOWN_WAITING, DOWN, DISABLED -> false;
            };
        }
    }
}
