package org.wgtrack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.PeerId;
import org.wgtrack.wg.PublicKey;

class EventJsonTest {

    private static final PublicKey KEY = new PublicKey("xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=");
    private static final Event UP = new Event(Instant.parse("2026-12-03T03:12:34Z"), EventType.UP, Optional.of(new PeerId("wg0", KEY)),
            Optional.of("berlin \"office\""), Optional.of(PeerState.DOWN_CHECKING), Optional.of(PeerState.UP_OK),
            "handshake ok, ping answered", Optional.of(Endpoint.parse("203.0.113.9:51820")), Optional.empty(), OptionalLong.of(754), false);

    @Test
    void theJsonObjectHasEveryFieldNullWhereItDoesNotApply() {
        assertThat(EventJson.of(UP)).isEqualTo("{\"event\":\"up\",\"time\":\"2026-12-03T03:12:34Z\",\"interface\":\"wg0\","
                + "\"peer\":\"xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\",\"name\":\"berlin \\\"office\\\"\","
                + "\"old_state\":\"down:checking\",\"new_state\":\"up:ok\",\"reason\":\"handshake ok, ping answered\","
                + "\"endpoint\":\"203.0.113.9:51820\",\"old_endpoint\":null,\"down_seconds\":754,\"startup\":false}");
        assertThat(EventJson.of(EventDeriver.liveState(UP.time(), false, "wg show all dump failed with exit status 1")))
                .isEqualTo("{\"event\":\"live_state_failed\",\"time\":\"2026-12-03T03:12:34Z\",\"interface\":null,\"peer\":null,"
                        + "\"name\":null,\"old_state\":null,\"new_state\":null,\"reason\":\"wg show all dump failed with exit status 1\","
                        + "\"endpoint\":null,\"old_endpoint\":null,\"down_seconds\":null,\"startup\":false}");
    }

    @Test
    void theEnvironmentNamesEveryFieldEmptyWhereItDoesNotApply() {
        assertThat(EventJson.environment(UP)).containsExactly(
                java.util.Map.entry("WGTRACK_EVENT", "up"), java.util.Map.entry("WGTRACK_INTERFACE", "wg0"),
                java.util.Map.entry("WGTRACK_PEER", KEY.base64()), java.util.Map.entry("WGTRACK_NAME", "berlin \"office\""),
                java.util.Map.entry("WGTRACK_OLD_STATE", "down:checking"), java.util.Map.entry("WGTRACK_NEW_STATE", "up:ok"),
                java.util.Map.entry("WGTRACK_REASON", "handshake ok, ping answered"),
                java.util.Map.entry("WGTRACK_ENDPOINT", "203.0.113.9:51820"), java.util.Map.entry("WGTRACK_OLD_ENDPOINT", ""),
                java.util.Map.entry("WGTRACK_DOWN_SECONDS", "754"), java.util.Map.entry("WGTRACK_TIME", "2026-12-03T03:12:34Z"));
    }

    @Test
    void eventsReadBackAreTheEventsWritten() throws java.io.IOException {
        Event moved = EventDeriver.endpointChanged(UP.time(), new PeerId("wg1", KEY), Optional.empty(),
                Optional.of(Endpoint.parse("[2001:db8::1]:51820")), Endpoint.parse("203.0.113.9:51820"), "berlin.example.net re-resolved");
        Event failed = EventDeriver.liveState(UP.time(), false, "wg show all dump failed with exit status 1");
        java.util.List<Event> events = java.util.List.of(UP, moved, failed);

        assertThat(EventJson.parseArray("[" + String.join(",", events.stream().map(EventJson::of).toList()) + "]"))
                .isEqualTo(events);
        for (Event event : events) {
            assertThat(EventJson.parse(EventJson.of(event))).isEqualTo(event);
        }
        assertThat(EventJson.parseArray("[]")).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            {"event":"sideways"}                                   | bad event: event (unknown event)
            {"event":"up"}                                         | bad event: time is missing
            {"event":"up","time":"yesterday","reason":""}          | bad event: time (Text 'yesterday' could not be parsed at index 0)
            {"event":"up","time":"2026-12-03T03:12:34Z","reason":"","interface":"wg0"} | bad event: interface and peer go together
            {"event":"up","time":"2026-12-03T03:12:34Z","reason":"","new_state":"up:maybe"} | bad event: new_state (unknown state up:maybe)
            {"event":"up","time":"2026-12-03T03:12:34Z","reason":"","startup":"yes"} | bad event: startup is not true or false
            [1]                                                    | bad event: not a JSON object
            """)
    void eventsThatDoNotReadBackSayWhichField(String json, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.parse(json))
                .isInstanceOf(java.io.IOException.class).hasMessage(message);
    }

    @Test
    void anArrayOfSomethingElseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.parseArray("[1]"))
                .isInstanceOf(java.io.IOException.class).hasMessage("bad event: [0] is not an object");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.parseArray("{}"))
                .isInstanceOf(java.io.IOException.class).hasMessage("bad event: not a JSON array of events");
    }
}
