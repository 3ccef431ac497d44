package org.wgtrack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.PeerState;
import org.wgtrack.track.Transition;
import org.wgtrack.track.TransitionTable;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;

class EventDeriverTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");
    private static final PeerId PEER = new PeerId("wg0", TestKeys.numbered(1));
    private static final Optional<Endpoint> ENDPOINT = Optional.of(Endpoint.parse("berlin.example:51820"));

    private final EventDeriver deriver = new EventDeriver();

    private Optional<Event> change(Instant at, PeerState from, PeerState to) {
        return deriver.transition(at, PEER, Optional.of("berlin"), new Transition(from, to, "why"), ENDPOINT);
    }

    @Test
    void everyAllowedTransitionIsDownUpOrNothing() {
        List<String> seen = new ArrayList<>();
        for (PeerState from : PeerState.values()) {
            for (PeerState to : PeerState.values()) {
                if (from == to || !TransitionTable.allows(from, to)) {
                    continue;
                }
                Optional<EventType> type = new EventDeriver().transition(T0, PEER, Optional.empty(), new Transition(from, to, "r"),
                        ENDPOINT).map(Event::type);
                boolean down = to.label().startsWith("down") && (from == PeerState.UP_OK || from == PeerState.UNDEFINED);
                boolean up = to == PeerState.UP_OK && (from.label().startsWith("down") || from == PeerState.UNDEFINED);
                assertThat(type).as("%s → %s", from, to).isEqualTo(down ? Optional.of(EventType.DOWN)
                        : up ? Optional.of(EventType.UP) : Optional.empty());
                seen.add(from + "→" + to);
            }
        }
        assertThat(seen).as("the table has transitions of every kind").isNotEmpty();
    }

    @Test
    void upCarriesTheOutageLengthAndTheWordsOfTheLog() {
        Event down = change(T0, PeerState.UP_OK, PeerState.DOWN_WAITING).orElseThrow();
        assertThat(change(T0.plusSeconds(30), PeerState.DOWN_WAITING, PeerState.DOWN_CHECKING)).isEmpty();
        Event up = change(T0.plusSeconds(754), PeerState.DOWN_CHECKING, PeerState.UP_OK).orElseThrow();

        assertThat(down.type()).isEqualTo(EventType.DOWN);
        assertThat(down.startup()).isFalse();
        assertThat(down.downSeconds()).isEmpty();
        assertThat(up.downSeconds()).isEqualTo(OptionalLong.of(754));
        assertThat(up.oldState()).contains(PeerState.DOWN_CHECKING);
        assertThat(up.newState()).contains(PeerState.UP_OK);
        assertThat(up.reason()).isEqualTo("why");
        assertThat(up.interfaceName()).contains("wg0");
        assertThat(up.name()).contains("berlin");
    }

    @Test
    void startUpIsMarkedAndAnUpAfterAStartUpDownHasItsLength() {
        Event first = change(T0, PeerState.UNDEFINED, PeerState.DOWN_CHECKING).orElseThrow();
        Event up = change(T0.plusSeconds(60), PeerState.DOWN_CHECKING, PeerState.UP_OK).orElseThrow();
        assertThat(first.startup()).isTrue();
        assertThat(up.startup()).isFalse();
        assertThat(up.downSeconds()).isEqualTo(OptionalLong.of(60));
        assertThat(change(T0, PeerState.UNDEFINED, PeerState.UP_OK).orElseThrow().startup()).isTrue();
    }

    @Test
    void aFlappingPeerIsReportedAsItHappens() {
        List<EventType> types = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            change(T0.plusSeconds(2 * i), PeerState.UP_OK, PeerState.DOWN_WAITING).map(Event::type).ifPresent(types::add);
            change(T0.plusSeconds(2 * i + 1), PeerState.DOWN_WAITING, PeerState.UP_OK).map(Event::type).ifPresent(types::add);
        }
        assertThat(types).containsExactly(EventType.DOWN, EventType.UP, EventType.DOWN, EventType.UP, EventType.DOWN, EventType.UP);
    }

    @Test
    void aFailedResolutionIsReportedOncePerOutage() {
        assertThat(deriver.resolutionFailed(T0, PEER, Optional.empty(), "cannot resolve berlin.example: unknown host", ENDPOINT)).isPresent();
        assertThat(deriver.resolutionFailed(T0.plusSeconds(20), PEER, Optional.empty(), "again", ENDPOINT)).isEmpty();
        change(T0.plusSeconds(40), PeerState.DOWN_CHECKING, PeerState.UP_OK);
        assertThat(deriver.resolutionFailed(T0.plusSeconds(60), PEER, Optional.empty(), "next outage", ENDPOINT)).isPresent();
    }
}
