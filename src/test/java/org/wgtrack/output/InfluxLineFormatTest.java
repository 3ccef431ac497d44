package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
}
