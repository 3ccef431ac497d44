package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.PeerSnapshotBuilder;

class InfluxLineFormatTest {

    @Test
    void writesOneLinePerPeerAndADaemonLine() throws Exception {
        String actual = new InfluxLineFormat(CounterType.INTEGER).format(TestSnapshots.threePeers());
        assertThat(actual).isEqualTo(Golden.expected("output/influx-three-peers.golden", actual));
    }

    @Test
    void floatCounterTypeWritesIntegerFieldsWithoutSuffix() throws Exception {
        String actual = new InfluxLineFormat(CounterType.FLOAT).format(TestSnapshots.threePeers());
        assertThat(actual).isEqualTo(Golden.expected("output/influx-three-peers-float.golden", actual));
    }

    /** Written twice by one format, as in two cycles: the second reuses the first one's buffer. */
    @ParameterizedTest
    @CsvSource({"INTEGER, influx-awkward.golden", "FLOAT, influx-awkward-float.golden"})
    void escapesAwkwardTextAndWritesHugeCountersAndOddDurations(CounterType type, String golden) {
        InfluxLineFormat format = new InfluxLineFormat(type);
        String actual = format.format(TestSnapshots.awkward()) + format.format(TestSnapshots.awkwardError());
        assertThat(actual).isEqualTo(Golden.expected("output/" + golden, actual));
        assertThat(format.format(TestSnapshots.awkward()) + format.format(TestSnapshots.awkwardError())).isEqualTo(actual);
    }

    @Test
    void failedLiveStateReadWritesNoPeerLinesOnlyTheFailure() throws Exception {
        String actual = new InfluxLineFormat(CounterType.INTEGER).format(TestSnapshots.liveStateFailed());
        assertThat(actual).isEqualTo(
                "wgtrack_daemon live_state_ok=0i,peers=0i,live_state_error=\"wg show all dump failed: exit status 1: "
                        + "Unable to access interface: Operation not permitted\",cycle_duration_seconds=0.003 1795608030000000000\n");
    }

    @Test
    void emptyNameIsLeftOutLikeAnUnknownOne() {
        PeerSnapshot peer = TestSnapshots.neverSeen();
        PeerSnapshot named = PeerSnapshotBuilder.peer(peer.interfaceName(), peer.publicKey()).withName("").build();
        String line = new InfluxLineFormat(CounterType.INTEGER)
                .format(new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(named), Optional.empty(), Map.of()))
                .lines().findFirst().orElseThrow();
        assertThat(line).startsWith("wgtrack,interface=wg1,peer=AwMD");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|plain",
        "two words|two\\ words",
        "a,b|a\\,b",
        "a=b|a\\=b",
        "back\\slash|back\\slash",
        "two\\\\slashes|two\\\\slashes",
        "ends\\|ends",
        "ends\\\\|ends",
        "slash\\,comma|slash\\\\,comma",
        "slash\\\\,comma|slash\\\\\\,comma",
        "slash\\ space|slash\\\\ space",
        "\"quoted\"|\"quoted\"",
        "Köln ☃|Köln\\ ☃",
    })
    void escapesTagValuesAsInfluxDbParsesThem(String raw, String escaped) {
        assertThat(InfluxLineFormat.escapeTag(raw)).isEqualTo(escaped);
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(InfluxLineFormat.escapeTag("line1\nline2\ttab")).isEqualTo("line1\\ line2\\ tab");
        assertThat(InfluxLineFormat.escapeStringField("a\r\nb")).isEqualTo("a  b");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|plain",
        "say \"hi\"|say \\\"hi\\\"",
        "back\\slash|back\\\\slash",
        "a, b=c|a, b=c",
    })
    void escapesStringFieldValues(String raw, String escaped) {
        assertThat(InfluxLineFormat.escapeStringField(raw)).isEqualTo(escaped);
    }

    @Test
    void escapesMeasurementCommaAndSpaceButNotEquals() {
        assertThat(InfluxLineFormat.escapeMeasurement("a b,c=d")).isEqualTo("a\\ b\\,c=d");
    }

    @Test
    void timestampIsInNanoseconds() {
        assertThat(InfluxLineFormat.epochNanos(java.time.Instant.parse("2026-11-25T12:00:30.123456789Z")))
                .isEqualTo(1_795_608_030_123_456_789L);
    }

    /** The labels go into string fields unscanned: they must need no escaping and be ASCII. */
    @ParameterizedTest
    @EnumSource(PeerState.class)
    void everyStateLabelIsAPlainWord(PeerState state) {
        assertThat(state.label()).matches("[a-z0-9:_]+");
    }

    @ParameterizedTest
    @EnumSource(HandshakeStatus.class)
    void everyHandshakeStatusLabelIsAPlainWord(HandshakeStatus status) {
        assertThat(status.label()).matches("[a-z0-9:_]+");
    }

    @Test
    void tagValuesKeptFromOneCycleToTheNextAreWrittenAlikeAndEncodedAsUtf8() throws IOException {
        PeerSnapshot base = TestSnapshots.neverSeen();
        List<PeerSnapshot> peers = new ArrayList<>();
        String[] names = {"Zürich office", "plain", "two words", "Köln☃", "ends\\", "a,b=c"};
        for (String name : names) {
            peers.add(PeerSnapshotBuilder.peer(base.interfaceName(), base.publicKey()).withName(name).build());
        }
        Snapshot snapshot = new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), peers, Optional.empty(), Map.of());
        String expected = String.join("\n", List.of(
                "wgtrack,interface=wg1,name=Zürich\\ office,peer=", "wgtrack,interface=wg1,name=plain,peer=",
                "wgtrack,interface=wg1,name=two\\ words,peer=", "wgtrack,interface=wg1,name=Köln☃,peer=",
                "wgtrack,interface=wg1,name=ends,peer=", "wgtrack,interface=wg1,name=a\\,b\\=c,peer="));
        InfluxLineFormat format = new InfluxLineFormat(CounterType.INTEGER);

        for (int cycle = 0; cycle < 3; cycle++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            format.write(snapshot, bytes);
            List<String> starts = bytes.toString(StandardCharsets.UTF_8).lines().limit(names.length)
                    .map(line -> line.substring(0, line.indexOf(",peer=") + 6)).toList();
            assertThat(String.join("\n", starts)).as("cycle %d", cycle).isEqualTo(expected);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(format.format(snapshot));
        }
    }
}
