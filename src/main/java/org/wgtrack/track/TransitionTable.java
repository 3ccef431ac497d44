package org.wgtrack.track;

import static org.wgtrack.track.PeerState.DISABLED;
import static org.wgtrack.track.PeerState.DOWN;
import static org.wgtrack.track.PeerState.DOWN_BACKINGOFF;
import static org.wgtrack.track.PeerState.DOWN_CHECKING;
import static org.wgtrack.track.PeerState.DOWN_SLOWCHECKING;
import static org.wgtrack.track.PeerState.DOWN_WAITING;
import static org.wgtrack.track.PeerState.UNDEFINED;
import static org.wgtrack.track.PeerState.UP_OK;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every state change a peer can make (SPEC §3), one row each. {@link PeerStateMachine} decides
 * which row applies; a {@link Transition} outside this table cannot be made (it throws
 * {@link IllegalTransitionException}), so the table is the whole truth about the states.
 * Staying in a state is no transition and has no row.
 */
public final class TransitionTable {

    /** One allowed change and when the machine makes it. */
    public record Rule(PeerState from, PeerState to, String when) {
    }

    public static final List<Rule> RULES = List.of(
            //   from               to                 when
            rule(UNDEFINED,         UP_OK,             "verdict up"),
            rule(UNDEFINED,         DOWN_CHECKING,     "verdict down, hostname endpoint: start-up does not wait"),
            rule(UNDEFINED,         DOWN,              "verdict down, literal endpoint"),
            rule(UNDEFINED,         DISABLED,          "verdict down, no endpoint"),

            rule(UP_OK,             DOWN_WAITING,      "verdict down, hostname endpoint"),
            rule(UP_OK,             DOWN_CHECKING,     "verdict down, hostname endpoint, cycles_wait = 0"),
            rule(UP_OK,             DOWN,              "verdict down, literal endpoint"),
            rule(UP_OK,             DISABLED,          "verdict down, no endpoint"),

            rule(DOWN_WAITING,      UP_OK,             "verdict up"),
            rule(DOWN_WAITING,      DOWN_CHECKING,     "cycles_wait cycles over"),
            rule(DOWN_WAITING,      DOWN,              "endpoint became a literal address"),
            rule(DOWN_WAITING,      DISABLED,          "endpoint became unknown"),

            rule(DOWN_CHECKING,     UP_OK,             "verdict up"),
            rule(DOWN_CHECKING,     DOWN_BACKINGOFF,   "cycles_checking re-resolutions done"),
            rule(DOWN_CHECKING,     DOWN_SLOWCHECKING, "cycles_checking done, first back-off interval reaches cycles_slowcheckingperiod"),
            rule(DOWN_CHECKING,     DOWN,              "endpoint became a literal address"),
            rule(DOWN_CHECKING,     DISABLED,          "endpoint became unknown"),

            rule(DOWN_BACKINGOFF,   UP_OK,             "verdict up"),
            rule(DOWN_BACKINGOFF,   DOWN_SLOWCHECKING, "next back-off interval reaches cycles_slowcheckingperiod"),
            rule(DOWN_BACKINGOFF,   DOWN,              "endpoint became a literal address"),
            rule(DOWN_BACKINGOFF,   DISABLED,          "endpoint became unknown"),

            rule(DOWN_SLOWCHECKING, UP_OK,             "verdict up"),
            rule(DOWN_SLOWCHECKING, DOWN,              "endpoint became a literal address"),
            rule(DOWN_SLOWCHECKING, DISABLED,          "endpoint became unknown"),

            rule(DOWN,              UP_OK,             "verdict up"),
            rule(DOWN,              DOWN_CHECKING,     "endpoint became a hostname: re-resolve at once"),
            rule(DOWN,              DISABLED,          "endpoint became unknown"),

            rule(DISABLED,          UP_OK,             "verdict up"),
            rule(DISABLED,          DOWN_CHECKING,     "endpoint became a hostname: re-resolve at once"),
            rule(DISABLED,          DOWN,              "endpoint became a literal address"));

    private static final Map<PeerState, Set<PeerState>> ALLOWED = allowed();

    private TransitionTable() {
    }

    public static boolean allows(PeerState from, PeerState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Refuses a change that has no row: a bug in the machine, never a peer's fault. */
    static void require(PeerState from, PeerState to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }

    private static Rule rule(PeerState from, PeerState to, String when) {
        return new Rule(from, to, when);
    }

    private static Map<PeerState, Set<PeerState>> allowed() {
        Map<PeerState, Set<PeerState>> allowed = new EnumMap<>(PeerState.class);
        for (PeerState state : PeerState.values()) {
            allowed.put(state, EnumSet.noneOf(PeerState.class));
        }
        for (Rule rule : RULES) {
            if (!allowed.get(rule.from()).add(rule.to())) {
                throw new ExceptionInInitializerError("two rows for " + rule.from() + " → " + rule.to());
            }
        }
        return allowed;
    }
}
