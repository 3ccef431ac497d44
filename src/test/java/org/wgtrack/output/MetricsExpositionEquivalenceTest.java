package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link MetricsExposition} (label values written whole, 0 and 1 without
 * Double.toString, allowed-ips not joined by a stream, ASCII copied into bytes by MetricsText) against {@link LegacyMetricsExposition},
 * the code before them: the same text and UTF-8 for seeded random snapshots in both formats and with
 * every compatibility set.
 */
class MetricsExpositionEquivalenceTest {

    private static final BuildInfo BUILD = new BuildInfo("1.2.3", "abc\"def\\", "17.0.9\n");

    @Test
    void randomSnapshotsGiveTheOldText() throws Exception {
        List<Set<CompatibilitySet>> sets = List.of(Set.of(), EnumSet.allOf(CompatibilitySet.class),
                Set.of(CompatibilitySet.WIREGUARD_EXPORTER), Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER));
        for (long seed = 0; seed < 2000; seed++) {
            Snapshot snapshot = RandomSnapshots.snapshot(seed);
            for (Set<CompatibilitySet> set : sets) {
                for (boolean openMetrics : new boolean[] {false, true}) {
                    StringWriter expected = new StringWriter();
                    LegacyMetricsExposition.of(snapshot, BUILD, set).write(expected, openMetrics);
                    MetricsExposition exposition = MetricsExposition.of(snapshot, BUILD, set);
                    StringWriter actual = new StringWriter();
                    exposition.write(actual, openMetrics);
                    assertThat(actual.toString()).as("seed %d, %s, openMetrics %s", seed, set, openMetrics)
                            .isEqualTo(expected.toString());
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    exposition.write(bytes, openMetrics);
                    assertThat(bytes.toByteArray()).as("seed %d, %s, openMetrics %s, bytes", seed, set, openMetrics)
                            .isEqualTo(utf8(expected.toString()));
                }
            }
        }
    }

    /** WireguardExporterFamilies escapes with the new method only: it against the old one directly. */
    /** Thousands of peers: the byte buffer fills and is handed on many times, some values across its end. */
    @Test
    void largeSnapshotsGiveTheOldBytes() throws Exception {
        List<PeerSnapshot> peers = new ArrayList<>();
        for (long seed = 0; peers.size() < 3000; seed++) {
            peers.addAll(RandomSnapshots.snapshot(seed).peers());
        }
        Snapshot snapshot = new Snapshot(RandomSnapshots.snapshot(0).takenAt(), Optional.empty(), peers, Optional.empty(), Map.of());
        for (boolean openMetrics : new boolean[] {false, true}) {
            StringWriter expected = new StringWriter();
            LegacyMetricsExposition.of(snapshot, BUILD, EnumSet.allOf(CompatibilitySet.class)).write(expected, openMetrics);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MetricsExposition.of(snapshot, BUILD, EnumSet.allOf(CompatibilitySet.class)).write(bytes, openMetrics);
            assertThat(bytes.toByteArray()).isEqualTo(utf8(expected.toString()));
        }
    }

    /** What the scrape wrote before: the text through a buffered OutputStreamWriter. */
    private static byte[] utf8(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 16384)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    @Test
    void labelValuesAreEscapedAsBefore() throws Exception {
        String[] pieces = {"a", "laptop", "\\", "\"", "\n", "\r", "\t", " ", "Köln", "\uD83D\uDE80", "\\n", "="};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            StringWriter expected = new StringWriter();
            LegacyMetricsExposition.escaped(expected, value.toString());
            StringWriter actual = new StringWriter();
            new MetricsText(actual).label(value.toString());
            assertThat(actual.toString()).as(value.toString()).isEqualTo(expected.toString());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            MetricsText text = new MetricsText(bytes);
            text.label(value.toString());
            text.finish();
            assertThat(bytes.toByteArray()).as(value.toString()).isEqualTo(utf8(expected.toString()));
        }
    }
}
