package org.wgtrack.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.config.TrackingParams;

class TransitionTableTest {

    private record Change(PeerState from, PeerState to) {
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "UNDEFINED,         DOWN_WAITING",
        "UP_OK,             DOWN_BACKINGOFF",
        "UP_OK,             DOWN_SLOWCHECKING",
        "DOWN_WAITING,      DOWN_BACKINGOFF",
        "DOWN_BACKINGOFF,   DOWN_CHECKING",
        "DOWN_SLOWCHECKING, DOWN_BACKINGOFF",
        "DOWN,              DOWN_WAITING",
        "DISABLED,          UNDEFINED",
        "UP_OK,             UNDEFINED",
    })
    void aTransitionOutsideTheTableCannotBeMade(PeerState from, PeerState to) {
        assertThat(TransitionTable.allows(from, to)).isFalse();
        assertThatThrownBy(() -> new Transition(from, to, "because"))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("no transition " + from + " → " + to + " in the transition table");
    }

    @Test
    void everyRowIsATransitionTheMachineMakesAndItMakesNoOther() {
        Set<Change> table = TransitionTable.RULES.stream()
                .map(rule -> new Change(rule.from(), rule.to())).collect(Collectors.toSet());
        assertThat(table).hasSize(TransitionTable.RULES.size());

        Set<Change> made = new HashSet<>();
        Random random = new Random(20261202);
        for (int walk = 0; walk < 400; walk++) {
            TrackingParams params = PeerSim.params(random.nextInt(3), 1 + random.nextInt(2), random.nextInt(3),
                    1 + random.nextInt(4), 1 + random.nextInt(3), 1 + random.nextInt(25));
            PeerTrack track = PeerTrack.initial();
            for (int cycle = 0; cycle < 120; cycle++) {
                HandshakeStatus handshake = HandshakeStatus.values()[random.nextInt(HandshakeStatus.values().length)];
                boolean pingable = random.nextInt(4) != 0;
                PingOutcome ping = PeerStateMachine.pingDue(track, handshake, params, pingable)
                        ? PingOutcome.of(random.nextInt(3) == 0) : PingOutcome.NOT_SENT;
                // endpoint kinds change rarely, as a reload or a dial-in would change them
                EndpointKind kind = EndpointKind.values()[random.nextInt(10) == 0 ? random.nextInt(3) : walk % 3];
                Step step = PeerStateMachine.step(track, new Observation(handshake, OptionalLong.empty(), ping, pingable, kind), params);
                step.transition().ifPresent(t -> made.add(new Change(t.from(), t.to())));
                track = step.next();
            }
        }
        assertThat(made).containsExactlyInAnyOrderElementsOf(table);
    }
}
