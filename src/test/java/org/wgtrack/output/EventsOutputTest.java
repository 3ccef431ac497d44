package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventDeriver;
import org.wgtrack.events.EventJson;

/** The JSON Lines history: appended per cycle, rotated by size, the oldest dropped. */
class EventsOutputTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @TempDir
    Path dir;

    private static Snapshot withEvents(Event... events) {
        return TestSnapshots.threePeers().withEvents(List.of(events), List.of(events));
    }

    private static Event failed(int n) {
        return EventDeriver.liveState(T0.plusSeconds(n), false, "wg show all dump failed (" + n + ")");
    }

    @Test
    void appendsOneLinePerEventAndNothingForACycleWithout() throws Exception {
        Path file = dir.resolve("events.jsonl");
        EventsOutput output = new EventsOutput(new EventsSpec("events", file, 1 << 20, 3));
        output.write(withEvents(failed(1), failed(2)));
        output.write(TestSnapshots.threePeers());
        output.write(withEvents(EventDeriver.liveState(T0, true, "reading the live state works again")));

        assertThat(Files.readAllLines(file)).containsExactly(EventJson.of(failed(1)), EventJson.of(failed(2)),
                EventJson.of(EventDeriver.liveState(T0, true, "reading the live state works again")));
    }

    @Test
    void aFileThatWouldOutgrowMaxSizeIsRotatedAndOnlyKeepOldOnesStay() throws Exception {
        Path file = dir.resolve("events.jsonl");
        long oneLine = EventJson.of(failed(1)).length() + 1;
        EventsOutput output = new EventsOutput(new EventsSpec("events", file, oneLine * 2, 2));
        for (int n = 1; n <= 7; n++) {
            output.write(withEvents(failed(n)));
        }
        assertThat(Files.readAllLines(file)).containsExactly(EventJson.of(failed(7)));
        assertThat(Files.readAllLines(dir.resolve("events.jsonl.1"))).containsExactly(EventJson.of(failed(5)), EventJson.of(failed(6)));
        assertThat(Files.readAllLines(dir.resolve("events.jsonl.2"))).containsExactly(EventJson.of(failed(3)), EventJson.of(failed(4)));
        assertThat(dir.resolve("events.jsonl.3")).doesNotExist();
    }

    @Test
    void keepZeroStartsAfreshInsteadOfRotating() throws Exception {
        Path file = dir.resolve("events.jsonl");
        long oneLine = EventJson.of(failed(1)).length() + 1;
        EventsOutput output = new EventsOutput(new EventsSpec("events", file, oneLine, 0));
        output.write(withEvents(failed(1)));
        output.write(withEvents(failed(2)));
        assertThat(Files.readAllLines(file)).containsExactly(EventJson.of(failed(2)));
        assertThat(dir.resolve("events.jsonl.1")).doesNotExist();
    }
}
