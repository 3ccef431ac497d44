package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.output.CompatibilitySetTest.Family;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.wg.Endpoint;

/**
 * {@code compatible_with = wireguard_exporter}: the Go exporter's families as its code emits
 * them, compared family by family with the table below of what the anchor emits, with the
 * anchor's own test case, and the whole exposition with a golden file. Its three
 * {@code wireguard_peer_*} families carry wgtrack's own names, so with the set they take the
 * anchor's form instead of wgtrack's.
 *
 * <p>Anchor: mdlayher/wireguard_exporter at commit c67c6d6 (2023-11-25, the head of its main
 * branch): collector.go declares and fills every family; its client (client_golang, expfmt)
 * writes labels sorted by name and values with {@code strconv.FormatFloat(v, 'g', -1, 64)}.
 */
public class WireguardExporterSetTest {

    public static final List<Family> WIREGUARD_EXPORTER = List.of(
            new Family("wireguard_device_info", "gauge", "Metadata about a device.", List.of("device", "public_key"),
                    "collector.go:41-46 (NewDesc, labels :38 device, public_key); :114-119 GaugeValue 1, d.Name, d.PublicKey.String()"),
            new Family("wireguard_peer_allowed_ips_info", "gauge",
                    "Metadata about each of a peer's allowed IP subnets for a given device.",
                    List.of("allowed_ips", "device", "family", "public_key"),
                    "collector.go:55-60 (labels + allowed_ips, family); :140-146 one series per allowed IP: ip.String(), ipFamily :180-189"),
            new Family("wireguard_peer_info", "gauge",
                    "Metadata about a peer. The public_key label on peer metrics refers to the peer's public key; not the device's public key.",
                    List.of("device", "endpoint", "name", "public_key"),
                    "collector.go:48-53 (labels + endpoint, name); :124-138 endpoint \"\" when none, name \"\" without a friendly name"),
            new Family("wireguard_peer_last_handshake_seconds", "gauge", "UNIX timestamp for the last handshake with a given peer.",
                    List.of("device", "public_key"),
                    "collector.go:76-81; :163-174 GaugeValue, LastHandshakeTime.Unix(), 0 for never"),
            new Family("wireguard_peer_receive_bytes_total", "counter", "Number of bytes received from a given peer.",
                    List.of("device", "public_key"),
                    "collector.go:62-67; :149-154 CounterValue float64(p.ReceiveBytes)"),
            new Family("wireguard_peer_transmit_bytes_total", "counter", "Number of bytes transmitted to a given peer.",
                    List.of("device", "public_key"),
                    "collector.go:69-74; :156-161 CounterValue float64(p.TransmitBytes)"));

    private static final Pattern TYPE = Pattern.compile("(?m)^# TYPE (\\S+) ");

    private static String exposition(Snapshot snapshot, Set<CompatibilitySet> sets, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        MetricsExposition.of(snapshot, PrometheusOutputTest.BUILD, sets).write(out, openMetrics);
        return out.toString();
    }

    private static String exposition(Snapshot snapshot) throws IOException {
        return exposition(snapshot, Set.of(CompatibilitySet.WIREGUARD_EXPORTER), false);
    }

    @Test
    void wholeExpositionMatchesItsGoldenFile() throws IOException {
        String actual = exposition(TestSnapshots.threePeersWithInterfaces());
        assertThat(actual).isEqualTo(Golden.expected("output/metrics-three-peers-wireguard_exporter.golden.txt", actual));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyFamilyHasTheAnchorsTypeHelpAndLabels(boolean openMetrics) throws IOException {
        assertFamiliesAreTheAnchors(exposition(TestSnapshots.threePeersWithInterfaces(), Set.of(CompatibilitySet.WIREGUARD_EXPORTER), openMetrics),
                openMetrics);
    }

    /** Every family of the table in the exposition with the anchor's type, help and label names (all of them, in its client's order). */
    public static void assertFamiliesAreTheAnchors(String text, boolean openMetrics) {
        for (Family family : WIREGUARD_EXPORTER) {
            String declared = openMetrics && family.type().equals("counter") ? family.name().replaceAll("_total$", "") : family.name();
            assertThat(text).as(family.anchor()).contains("# TYPE " + declared + " " + family.type() + "\n")
                    .contains("# HELP " + declared + " " + family.help() + "\n");
            List<Map.Entry<Map<String, String>, String>> samples = CompatibilitySetTest.samples(text, family.name());
            assertThat(samples).as(family.anchor()).isNotEmpty()
                    .allSatisfy(s -> assertThat(new ArrayList<>(s.getKey().keySet())).as(family.anchor())
                            .containsExactlyElementsOf(family.labels()));
            // what the Go client prints for a float64: digits, maybe a fraction, maybe e+NN
            assertThat(samples).as(family.anchor()).allSatisfy(s -> assertThat(s.getValue()).matches("\\d(\\.\\d+)?(e\\+\\d\\d)?|\\d+"));
        }
    }

    /** collector_test.go:13-84 TestCollector "ok", the anchor's own case: the lines it expects. */
    @Test
    void theAnchorsOwnTestCaseGivesTheLinesItExpects() throws IOException {
        PeerSnapshot onWg0 = PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(3)).withName("foo")
                .withEndpoint(new Endpoint("fd00::1", 51820)).withHandshake(HandshakeStatus.FAILED, 10, 1_795_608_020L)
                .withTransfer(1, 2).withAllowedIps("192.168.1.0/24", "2001:db8::/32").build();
        PeerSnapshot onWg1 = PeerSnapshotBuilder.peer("wg1", TestKeys.repeating(3)).withName("foo").withAllowedIps("0.0.0.0/0").build();
        Snapshot snapshot = new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(onWg0, onWg1), Optional.empty(), Map.of())
                .withInterfaces(List.of(new InterfaceSnapshot("wg0", Optional.of(TestKeys.repeating(1))),
                        new InterfaceSnapshot("wg1", Optional.of(TestKeys.repeating(2)))));
        assertThat(exposition(snapshot).lines()).contains(
                "wireguard_device_info{device=\"wg0\",public_key=\"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\"} 1",
                "wireguard_device_info{device=\"wg1\",public_key=\"AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=\"} 1",
                "wireguard_peer_info{device=\"wg0\",endpoint=\"[fd00::1]:51820\",name=\"foo\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_info{device=\"wg1\",endpoint=\"\",name=\"foo\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_allowed_ips_info{allowed_ips=\"192.168.1.0/24\",device=\"wg0\",family=\"IPv4\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_allowed_ips_info{allowed_ips=\"2001:db8::/32\",device=\"wg0\",family=\"IPv6\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_allowed_ips_info{allowed_ips=\"0.0.0.0/0\",device=\"wg1\",family=\"IPv4\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_last_handshake_seconds{device=\"wg0\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 10",
                "wireguard_peer_last_handshake_seconds{device=\"wg1\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 0",
                "wireguard_peer_receive_bytes_total{device=\"wg0\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 1",
                "wireguard_peer_receive_bytes_total{device=\"wg1\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 0",
                "wireguard_peer_transmit_bytes_total{device=\"wg0\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 2",
                "wireguard_peer_transmit_bytes_total{device=\"wg1\",public_key=\"AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM=\"} 0");
    }

    @Test
    void valuesAndLabelValuesAreTheAnchors() throws IOException {
        String text = exposition(TestSnapshots.threePeersWithInterfaces());
        String laptop = TestKeys.repeating(1).base64();
        String office = TestKeys.repeating(2).base64();
        String unnamed = TestKeys.repeating(3).base64();
        // the README's sample: a handshake time as 1.588274629e+09, byte counts below 10^6 in full
        assertThat(CompatibilitySetTest.samples(text, "wireguard_peer_last_handshake_seconds")).contains(
                Map.entry(Map.of("device", "wg0", "public_key", laptop), "1.795608018e+09"),
                Map.entry(Map.of("device", "wg1", "public_key", unnamed), "0"));
        assertThat(CompatibilitySetTest.samples(text, "wireguard_peer_receive_bytes_total")).containsExactly(
                Map.entry(Map.of("device", "wg0", "public_key", laptop), "1024"),
                Map.entry(Map.of("device", "wg0", "public_key", office), "5e+09"),
                Map.entry(Map.of("device", "wg1", "public_key", unnamed), "0"));
        // a peer without a name has name="", one without an endpoint endpoint="" (not Go's <nil>)
        assertThat(CompatibilitySetTest.samples(text, "wireguard_peer_info")).contains(
                Map.entry(Map.of("device", "wg0", "endpoint", "[2001:db8::7]:51820", "name", "Büro, \\\"Köln\\\" a=b\\\\c", "public_key", office), "1"),
                Map.entry(Map.of("device", "wg1", "endpoint", "", "name", "", "public_key", unnamed), "1"));
        // every tracked device, one without a private key as wgctrl's zero key, one without peers too
        assertThat(CompatibilitySetTest.samples(text, "wireguard_device_info")).containsExactly(
                Map.entry(Map.of("device", "wg0", "public_key", TestKeys.repeating(9).base64()), "1"),
                Map.entry(Map.of("device", "wg1", "public_key", WireguardExporterFamilies.ZERO_KEY), "1"),
                Map.entry(Map.of("device", "wg2", "public_key", TestKeys.repeating(10).base64()), "1"));
        // no allowed ips, no series
        assertThat(CompatibilitySetTest.samples(text, "wireguard_peer_allowed_ips_info")).extracting(s -> s.getKey().get("public_key"))
                .containsExactlyInAnyOrder(laptop, laptop, office);
    }

    @Test
    void withTheSetWgtracksOwnPeerFamiliesTakeItsForm() throws IOException {
        String text = exposition(TestSnapshots.threePeersWithInterfaces());
        for (String family : List.of("wireguard_peer_last_handshake_seconds", "wireguard_peer_receive_bytes_total",
                "wireguard_peer_transmit_bytes_total")) {
            assertThat(CompatibilitySetTest.samples(text, family)).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.getKey()).containsOnlyKeys("device", "public_key"));
        }
        // wgtrack's other families keep their interface label
        assertThat(CompatibilitySetTest.samples(text, "wgtrack_peer_up")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getKey()).containsOnlyKeys("interface", "name", "public_key"));
    }

    @Test
    void withoutTheSetWgtracksOwnPeerFamiliesAreUnchanged() throws IOException {
        String text = exposition(TestSnapshots.threePeersWithInterfaces(), Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER), false);
        assertThat(CompatibilitySetTest.samples(text, "wireguard_peer_receive_bytes_total")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getKey()).containsOnlyKeys("interface", "name", "public_key"));
        for (String family : List.of("wireguard_device_info", "wireguard_peer_info", "wireguard_peer_allowed_ips_info")) {
            assertThat(text).doesNotContain(family);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bothSetsTogetherDeclareEveryFamilyOnce(boolean openMetrics) throws IOException {
        String text = exposition(TestSnapshots.threePeersWithInterfaces(),
                Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER, CompatibilitySet.WIREGUARD_EXPORTER), openMetrics);
        List<String> declared = new ArrayList<>();
        Matcher m = TYPE.matcher(text);
        while (m.find()) {
            declared.add(m.group(1));
        }
        assertThat(declared).doesNotHaveDuplicates();
        for (Family family : concat(CompatibilitySetTest.PROMETHEUS_WIREGUARD_EXPORTER, WIREGUARD_EXPORTER)) {
            assertThat(CompatibilitySetTest.samples(text, family.name())).as(family.name()).isNotEmpty();
        }
    }

    private static List<Family> concat(List<Family> a, List<Family> b) {
        List<Family> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aFailedLiveStateWritesNoneOfItsFamilies() throws IOException {
        String text = exposition(TestSnapshots.liveStateFailed().withInterfaces(TestSnapshots.threePeersInterfaces()));
        assertThat(text).doesNotContain("wireguard_");
    }

    @Test
    void aTrackedInterfaceWithoutPeersStillHasItsDeviceInfo() throws IOException {
        Snapshot snapshot = new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(), Optional.of(Duration.ofMillis(1)), Map.of())
                .withInterfaces(List.of(new InterfaceSnapshot("wg0", Optional.of(TestKeys.repeating(9)))));
        assertThat(exposition(snapshot).lines().filter(l -> l.startsWith("wireguard_")))
                .containsExactly("wireguard_device_info{device=\"wg0\",public_key=\"" + TestKeys.repeating(9).base64() + "\"} 1");
    }
}
