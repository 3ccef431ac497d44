package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventType;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.wg.PeerId;

class EventCursorTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    private final EventCursor cursor = new EventCursor();

    @Test
    void eachEventIsReturnedOnceAsTheWindowSlides() {
        Event a = event(0, 1);
        Event b = event(0, 2);
        Event c = event(5, 1);
        Event d = event(5, 3);
        Event e = event(9, 1);

        assertThat(cursor.newOnes(List.of(a, b))).containsExactly(a, b);
        assertThat(cursor.newOnes(List.of(a, b, c))).containsExactly(c);
        assertThat(cursor.newOnes(List.of(b, c, d))).as("a later event of the same cycle").containsExactly(d);
        assertThat(cursor.newOnes(List.of(d, e))).containsExactly(e);
        assertThat(cursor.newOnes(List.of(d, e))).isEmpty();
        assertThat(cursor.newOnes(List.of())).as("a restarted daemon with nothing yet").isEmpty();
        Event afterRestart = event(20, 1);
        assertThat(cursor.newOnes(List.of(afterRestart))).containsExactly(afterRestart);
    }

    @Test
    void aHistoryOfRandomCyclesSeenThroughARandomWindowComesOutWholeAndInOrder() {
        Random random = new Random(42);
        List<Event> all = new ArrayList<>();
        for (int cycle = 0; cycle < 300; cycle++) {
            int events = random.nextInt(4);
            for (int peer = 0; peer < events; peer++) {
                all.add(event(cycle, peer + 1));
            }
        }
        List<Event> printed = new ArrayList<>();
        int end = 0;
        while (end < all.size()) {
            // Each look holds everything since the last one (polls outpace a 1,000-event window) and some before it.
            int previousEnd = end;
            end = Math.min(all.size(), end + random.nextInt(8));
            int start = Math.max(0, previousEnd - random.nextInt(20));
            printed.addAll(cursor.newOnes(all.subList(start, end)));
        }
        assertThat(printed).as("seed 42").isEqualTo(all);
    }

    private static Event event(int second, int peer) {
        return new Event(T0.plusSeconds(second), EventType.DOWN, Optional.of(new PeerId("wg0", TestKeys.numbered(peer))), Optional.empty(),
                Optional.empty(), Optional.empty(), "2 pings failed", Optional.empty(), Optional.empty(), OptionalLong.empty(), false);
    }
}
