package org.wgtrack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;

class EventTextTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @Test
    void messagesForPeopleSayWhatHappened() {
        PeerId unnamed = new PeerId("wg0", TestKeys.numbered(7));
        Event moved = EventDeriver.endpointChanged(T0, unnamed, Optional.empty(), Optional.of(Endpoint.parse("198.51.100.7:51820")),
                Endpoint.parse("203.0.113.9:51820"), "berlin.example.net re-resolved");
        assertThat(EventText.of(moved)).isEqualTo("wg0 " + unnamed.publicKey().shortForm()
                + ": endpoint 198.51.100.7:51820 → 203.0.113.9:51820 (berlin.example.net re-resolved)");
        Event up = new Event(T0, EventType.UP, Optional.of(unnamed), Optional.of("berlin"), Optional.of(PeerState.DOWN), Optional.of(PeerState.UP_OK),
                "handshake ok", Optional.empty(), Optional.empty(), OptionalLong.of(3_600 * 3 + 120), false);
        assertThat(EventText.of(up)).isEqualTo("wg0 berlin is up again after 3 h 2 min (handshake ok)");
        Event upAtStart = new Event(T0, EventType.UP, Optional.of(unnamed), Optional.of("berlin"), Optional.of(PeerState.UNDEFINED),
                Optional.of(PeerState.UP_OK), "handshake ok", Optional.empty(), Optional.empty(), OptionalLong.empty(), true);
        assertThat(EventText.of(upAtStart)).isEqualTo("wg0 berlin is up (handshake ok)");
        assertThat(EventText.duration(45)).isEqualTo("45 s");
        assertThat(EventText.duration(754)).isEqualTo("12 min 34 s");
        assertThat(EventText.duration(3_600 * 3 + 120)).isEqualTo("3 h 2 min");
        assertThat(EventText.duration(86_400 * 2 + 3_600 * 4)).isEqualTo("2 d 4 h");
        assertThat(EventText.of(EventDeriver.liveState(T0, false, "wg show all dump failed with exit status 1")))
                .isEqualTo("wgtrack cannot read the live state: wg show all dump failed with exit status 1");
    }
}
