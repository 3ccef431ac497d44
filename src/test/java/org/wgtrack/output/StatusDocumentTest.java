package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;

class StatusDocumentTest {

    @Test
    void writesSchemaOneDocument() throws Exception {
        String actual = StatusDocument.format(TestSnapshots.threePeers());
        assertThat(actual).isEqualTo(Golden.expected("output/status-three-peers.golden.json", actual));
    }

    /** Streamed to a file and formatted as a string, the same bytes. */
    @ParameterizedTest
    @CsvSource({"false, status-awkward.golden.json", "true, status-awkward-error.golden.json"})
    void escapesAwkwardTextAndWritesHugeCountersAndOddDurations(boolean liveStateFailed, String golden) throws Exception {
        Snapshot snapshot = liveStateFailed ? TestSnapshots.awkwardError() : TestSnapshots.awkward();
        String actual = StatusDocument.format(snapshot);
        assertThat(actual).isEqualTo(Golden.expected("output/" + golden, actual));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        StatusDocument.write(snapshot, streamed);
        assertThat(streamed.toByteArray()).isEqualTo(actual.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void failedLiveStateReadHasNoPeersAndTheError() throws Exception {
        String actual = StatusDocument.format(TestSnapshots.liveStateFailed());
        assertThat(actual).isEqualTo(Golden.expected("output/status-live-state-failed.golden.json", actual));
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Snapshot snapshot = TestSnapshots.threePeers();
        assertThat(StatusDocument.parse(StatusDocument.format(snapshot))).isEqualTo(snapshot);
        Snapshot failed = TestSnapshots.liveStateFailed();
        assertThat(StatusDocument.parse(StatusDocument.format(failed))).isEqualTo(failed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void randomSnapshotsSurviveTheRoundTrip(long seed) throws IOException {
        Random random = new Random(seed);
        List<PeerSnapshot> peers = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            boolean seen = random.nextBoolean();
            peers.add(new PeerSnapshot("wg" + random.nextInt(3), TestKeys.repeating(random.nextInt(256)),
                    random.nextBoolean() ? Optional.of("peer \"" + random.nextInt() + "\" \\ ü ☃\n") : Optional.empty(),
                    PeerState.values()[random.nextInt(PeerState.values().length)],
                    HandshakeStatus.values()[random.nextInt(HandshakeStatus.values().length)],
                    seen ? 1_700_000_000L + random.nextInt(1_000_000) : 0,
                    seen ? OptionalLong.of(random.nextInt(100_000)) : OptionalLong.empty(),
                    random.nextLong() & Long.MAX_VALUE, random.nextLong() & Long.MAX_VALUE,
                    random.nextBoolean() ? Optional.of(new Endpoint("2001:db8::" + random.nextInt(999), random.nextInt(65536)))
                            : Optional.empty(),
                    random.nextBoolean() ? Optional.of(new Endpoint("h" + random.nextInt(99) + ".example.org", 51820))
                            : Optional.empty(),
                    random.nextBoolean() ? List.of(AllowedIp.parse("10.0." + random.nextInt(256) + ".0/24"), AllowedIp.parse("::/0"))
                            : List.of(),
                    random.nextBoolean() ? Optional.of(Duration.ofNanos(random.nextInt(Integer.MAX_VALUE))) : Optional.empty(),
                    random.nextInt(1000),
                    random.nextBoolean() ? Optional.of(Instant.ofEpochSecond(1_700_000_000L, random.nextInt(1_000_000_000)))
                            : Optional.empty()));
        }
        Snapshot snapshot = new Snapshot(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(), random.nextInt(1_000_000_000)),
                random.nextBoolean() ? Optional.empty() : Optional.of("boom " + random.nextInt()),
                peers, random.nextBoolean() ? Optional.of(Duration.ofNanos(random.nextLong() & 0xffff_ffffL)) : Optional.empty(),
                Map.of("changed", (long) random.nextInt(100), "failed", (long) random.nextInt(100)));
        assertThat(StatusDocument.parse(StatusDocument.format(snapshot))).isEqualTo(snapshot);
    }

    @Test
    void ignoresFieldsItDoesNotKnow() throws IOException {
        String json = StatusDocument.format(TestSnapshots.threePeers()).replace("\"schema\" : 1,", "\"schema\" : 1, \"later\" : [1],");
        assertThat(StatusDocument.parse(json)).isEqualTo(TestSnapshots.threePeers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"schema\" : 1,|\"schema\" : 2,|bad status document: unsupported schema 2 (expected 1)",
        "\"schema\" : 1,|\"schema\" : \"1\",|bad status document: schema is not a number",
        "\"taken_at\" : \"2026-11-25T12:00:30Z\"|\"taken_at\" : \"noon\"|bad status document: taken_at (Text 'noon' could not be parsed at index 0)",
        "\"state\" : \"up:ok\"|\"state\" : \"sideways\"|bad status document: peers[0].state (unknown state sideways)",
        "\"endpoint\" : \"192.0.2.1:51820\"|\"endpoint\" : \"nowhere\"|bad status document: peers[0].endpoint (bad endpoint (expected host:port or [address]:port, got nowhere))",
        "\"rx_bytes\" : 1024,|\"rx_bytes\" : null,|bad status document: peers[0].rx_bytes is missing",
    })
    void namesTheBadField(String from, String to, String message) {
        String json = StatusDocument.format(TestSnapshots.threePeers()).replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        assertThat(json).contains(to);
        assertThatThrownBy(() -> StatusDocument.parse(json)).isInstanceOf(IOException.class).hasMessage(message);
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> StatusDocument.parse("<html>")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("bad status document: not JSON (");
    }
}
