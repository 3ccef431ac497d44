package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link MetricsExposition} (label values written whole, 0 and 1 without
 * Double.toString, allowed-ips not joined by a stream) against {@link LegacyMetricsExposition},
 * the code before them: the same text for seeded random snapshots in both formats and with
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
                    StringWriter actual = new StringWriter();
                    MetricsExposition.of(snapshot, BUILD, set).write(actual, openMetrics);
                    assertThat(actual.toString()).as("seed %d, %s, openMetrics %s", seed, set, openMetrics)
                            .isEqualTo(expected.toString());
                }
            }
        }
    }

    /** WireguardExporterFamilies escapes with the new method only: it against the old one directly. */
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
            MetricsExposition.escaped(actual, value.toString());
            assertThat(actual.toString()).as(value.toString()).isEqualTo(expected.toString());
        }
    }
}
