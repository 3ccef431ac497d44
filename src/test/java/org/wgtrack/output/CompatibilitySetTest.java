package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.TestKeys;

/**
 * {@code compatible_with = prometheus_wireguard_exporter}: the Rust exporter's families as its
 * code emits them, compared family by family with the table below of what the anchor emits, and
 * the whole exposition with a golden file.
 *
 * <p>Anchor: MindFlavor/prometheus_wireguard_exporter 3.6.6, the head of its master branch
 * (commit 2d82a9c), src/wireguard.rs {@code render_with_names}, with the default options (no
 * {@code -s} split of allowed ips, no {@code -r} remote ip and port, no {@code -d} handshake
 * delay). A {@code wireguard_peers_total} gauge exists only in a pull request that was never
 * merged, so it is not part of the set.
 */
public class CompatibilitySetTest {

    /** One family of the anchor: name, type, help, label names in the anchor's order, where it comes from. */
    public record Family(String name, String type, String help, List<String> labels, String anchor) {
    }

    public static final List<Family> PROMETHEUS_WIREGUARD_EXPORTER = List.of(
            new Family("wireguard_sent_bytes_total", "counter", "Bytes sent to the peer",
                    List.of("interface", "public_key", "allowed_ips", "friendly_name"),
                    "src/wireguard.rs:180-184 (with_name, MetricType::Counter, with_help); labels src/wireguard.rs:231-232"
                            + " vec![(\"interface\", interface), (\"public_key\", &ep.public_key)], :262 (\"allowed_ips\", &ep.allowed_ips),"
                            + " :274 (\"friendly_name\", name) when the peer has one; value :337 ep.sent_bytes (u128)"),
            new Family("wireguard_received_bytes_total", "counter", "Bytes received from the peer",
                    List.of("interface", "public_key", "allowed_ips", "friendly_name"),
                    "src/wireguard.rs:185-189; labels as wireguard_sent_bytes_total; value :341 ep.received_bytes"),
            new Family("wireguard_latest_handshake_seconds", "gauge", "UNIX timestamp seconds of the last handshake",
                    List.of("interface", "public_key", "allowed_ips", "friendly_name"),
                    "src/wireguard.rs:190-194; labels as wireguard_sent_bytes_total; value :345 ep.latest_handshake, the dump's unix time (0 = never)"));

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static String exposition(Snapshot snapshot, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        MetricsExposition.of(snapshot, PrometheusOutputTest.BUILD, Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER))
                .write(out, openMetrics);
        return out.toString();
    }

    /** The samples of a family: label map (in written order) → value. */
    public static List<Map.Entry<Map<String, String>, String>> samples(String text, String family) {
        List<Map.Entry<Map<String, String>, String>> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(family)) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                samples.add(Map.entry(labels, m.group(3)));
            }
        }
        return samples;
    }

    @Test
    void wholeExpositionMatchesItsGoldenFile() throws IOException {
        String actual = exposition(TestSnapshots.threePeers(), false);
        assertThat(actual).isEqualTo(Golden.expected("output/metrics-three-peers-prometheus_wireguard_exporter.golden.txt", actual));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyFamilyHasTheAnchorsTypeHelpAndLabels(boolean openMetrics) throws IOException {
        assertFamiliesAreTheAnchors(exposition(TestSnapshots.threePeers(), openMetrics), openMetrics);
    }

    /** Every family of the table in the exposition with the anchor's type, help and label names, and integer values. */
    public static void assertFamiliesAreTheAnchors(String text, boolean openMetrics) {
        for (Family family : PROMETHEUS_WIREGUARD_EXPORTER) {
            String declared = openMetrics && family.type().equals("counter") ? family.name().replaceAll("_total$", "") : family.name();
            assertThat(text).as(family.anchor()).contains("# TYPE " + declared + " " + family.type() + "\n")
                    .contains("# HELP " + declared + " " + family.help() + "\n");
            List<Map.Entry<Map<String, String>, String>> samples = samples(text, family.name());
            assertThat(samples).as(family.anchor()).isNotEmpty();
            for (Map.Entry<Map<String, String>, String> sample : samples) {
                List<String> names = new ArrayList<>(sample.getKey().keySet());
                // friendly_name is the one optional label: present exactly for a named peer
                List<String> expected = family.labels().stream()
                        .filter(l -> !l.equals("friendly_name") || names.contains("friendly_name")).toList();
                assertThat(names).as(family.anchor()).containsExactlyElementsOf(expected);
                assertThat(sample.getValue()).as("%s: an integer, as the anchor's u128/usize", family.name()).matches("\\d+");
            }
        }
    }

    @Test
    void valuesAndLabelValuesAreTheAnchors() throws IOException {
        String text = exposition(TestSnapshots.threePeers(), false);
        String laptop = TestKeys.repeating(1).base64();
        String unnamed = TestKeys.repeating(3).base64();
        assertThat(samples(text, "wireguard_sent_bytes_total")).contains(
                Map.entry(Map.of("interface", "wg0", "public_key", laptop, "allowed_ips", "10.10.0.2/32,fd00::2/128", "friendly_name", "laptop"), "2048"),
                // no allowed ips: the dump's "(none)", which the anchor passes through; no name: no friendly_name
                Map.entry(Map.of("interface", "wg1", "public_key", unnamed, "allowed_ips", "(none)"), "0"));
        assertThat(samples(text, "wireguard_received_bytes_total")).contains(
                Map.entry(Map.of("interface", "wg0", "public_key", laptop, "allowed_ips", "10.10.0.2/32,fd00::2/128", "friendly_name", "laptop"), "1024"));
        assertThat(samples(text, "wireguard_latest_handshake_seconds")).contains(
                Map.entry(Map.of("interface", "wg0", "public_key", laptop, "allowed_ips", "10.10.0.2/32,fd00::2/128", "friendly_name", "laptop"), "1795608018"),
                Map.entry(Map.of("interface", "wg1", "public_key", unnamed, "allowed_ips", "(none)"), "0"));
    }

    @Test
    void theUnmergedPeersTotalGaugeIsNotWritten() throws IOException {
        assertThat(exposition(TestSnapshots.threePeers(), false)).doesNotContain("wireguard_peers_total");
    }

    @Test
    void withoutTheSetNoneOfItsFamiliesIsWritten() throws IOException {
        StringWriter out = new StringWriter();
        MetricsExposition.of(TestSnapshots.threePeers(), PrometheusOutputTest.BUILD).write(out, false);
        for (Family family : PROMETHEUS_WIREGUARD_EXPORTER) {
            assertThat(out.toString()).doesNotContain(family.name());
        }
    }

    @Test
    void aFailedLiveStateWritesNoneOfItsFamilies() throws IOException {
        String text = exposition(TestSnapshots.liveStateFailed(), false);
        for (Family family : PROMETHEUS_WIREGUARD_EXPORTER) {
            assertThat(text).doesNotContain(family.name());
        }
    }
}
