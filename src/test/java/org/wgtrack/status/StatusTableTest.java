package org.wgtrack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wgtrack.log.Shown;
import org.wgtrack.output.Snapshot;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.PeerState;

class StatusTableTest {

    private static final Instant T0 = Instant.parse("2026-12-03T03:00:00Z");

    @Test
    void everyTextFromTheDocumentIsShownEscaped() {
        Snapshot snapshot = new Snapshot(T0, Optional.empty(),
                List.of(PeerSnapshotBuilder.peer("wg\u001b[2J0", TestKeys.numbered(1)).withName("x\u001b]0;owned\u0007\r\u2028y")
                        .withState(PeerState.UP_OK).build()),
                Optional.of(Duration.ofMillis(3)), Map.of());

        String table = StatusTable.render(snapshot, "a source\u009b", T0);

        assertThat(table).contains("wg\\x1b[2J0").contains("x\\x1b]0;owned\\x07\\r\\u2028y").contains("a source\\x9b");
        assertThat(table.lines()).allMatch(Shown::isPlain);
    }

    @Test
    void theLiveStateErrorIsShownEscaped() {
        Snapshot unreadable = new Snapshot(T0, Optional.of("wg: \u001b[31mfailed\u001b[0m"), List.of(), Optional.empty(), Map.of());

        assertThat(StatusTable.render(unreadable, "the running daemon", T0))
                .endsWith("live state unreadable: wg: \\x1b[31mfailed\\x1b[0m\n");
    }
}
