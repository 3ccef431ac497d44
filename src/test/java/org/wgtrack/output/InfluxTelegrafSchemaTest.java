package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.TestKeys;

/**
 * {@code schema = telegraf}: Telegraf's inputs.wireguard measurements next to wgtrack's, compared
 * field by field with the table below of what the anchor emits, and the whole file with a
 * golden file.
 *
 * <p>Anchor: influxdata/telegraf, plugins/inputs/wireguard/wireguard.go at commit cc6a650
 * (measurement names lines 13-16, gatherDeviceMetrics and gatherDevicePeerMetrics), and the
 * plugin's README.md (fields, types and units).
 */
public class InfluxTelegrafSchemaTest {

    /** One tag or field of the anchor: measurement, kind, key, line-protocol type, whether wgtrack writes it, the anchor. */
    record Key(String measurement, String kind, String key, String type, boolean written, String anchor) {
    }

    static final List<Key> TELEGRAF = List.of(
            new Key("wireguard_device", "tag", "name", "", true, "wireguard.go gatherDeviceMetrics: tags \"name\": device.Name"),
            new Key("wireguard_device", "tag", "type", "", false, "wireguard.go: tags \"type\": deviceTypeNames[device.Type]; wgtrack does not know the device type"),
            new Key("wireguard_device", "field", "peers", "integer", true, "wireguard.go gatherDeviceMetrics: gauges \"peers\": len(device.Peers)"),
            new Key("wireguard_device", "field", "listen_port", "integer", false, "wireguard.go: fields \"listen_port\": device.ListenPort; not in wgtrack's snapshot"),
            new Key("wireguard_device", "field", "firewall_mark", "integer", false, "wireguard.go: fields \"firewall_mark\": device.FirewallMark; not in wgtrack's snapshot"),
            new Key("wireguard_peer", "tag", "device", "", true, "wireguard.go gatherDevicePeerMetrics: tags \"device\": device.Name"),
            new Key("wireguard_peer", "tag", "public_key", "", true, "wireguard.go gatherDevicePeerMetrics: tags \"public_key\": peer.PublicKey.String()"),
            new Key("wireguard_peer", "field", "allowed_ips", "integer", true, "wireguard.go: fields \"allowed_ips\": len(peer.AllowedIPs)"),
            new Key("wireguard_peer", "field", "last_handshake_time_ns", "integer", true, "wireguard.go: gauges \"last_handshake_time_ns\": peer.LastHandshakeTime.UnixNano()"),
            new Key("wireguard_peer", "field", "rx_bytes", "integer", true, "wireguard.go: gauges \"rx_bytes\": peer.ReceiveBytes"),
            new Key("wireguard_peer", "field", "tx_bytes", "integer", true, "wireguard.go: gauges \"tx_bytes\": peer.TransmitBytes"),
            new Key("wireguard_peer", "field", "persistent_keepalive_interval_ns", "integer", false,
                    "wireguard.go: fields \"persistent_keepalive_interval_ns\"; not in wgtrack's snapshot"),
            new Key("wireguard_peer", "field", "protocol_version", "integer", false, "wireguard.go: fields \"protocol_version\"; wg's dump does not show it"));

    private static String file() {
        return new InfluxLineFormat(CounterType.INTEGER, InfluxSchema.TELEGRAF).format(TestSnapshots.threePeers());
    }

    /** Tags (into {@code tags}) and fields of a line; a simple split: these lines escape only the keys' {@code =}. */
    private static Map<String, String> parse(String line, Map<String, String> tags) {
        String[] parts = line.split(" ");
        String[] series = parts[0].split(",");
        for (int i = 1; i < series.length; i++) {
            String[] kv = series[i].split("=", 2);
            tags.put(kv[0], kv[1].replace("\\=", "="));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : parts[1].split(",")) {
            String[] kv = field.split("=", 2);
            fields.put(kv[0], kv[1]);
        }
        return fields;
    }

    private static List<String> lines(String measurement) {
        return Arrays.stream(file().split("\n")).filter(l -> l.startsWith(measurement + ",")).toList();
    }

    @Test
    void wholeFileMatchesItsGoldenFile() {
        String actual = file();
        assertThat(actual).isEqualTo(Golden.expected("output/influx-three-peers-telegraf.golden", actual));
    }

    @Test
    void everyTagAndFieldIsTheAnchorsOrDocumentedAsMissing() {
        assertKeysAreTheAnchors(file());
    }

    /** Every Telegraf line of the file has the table's tags and fields that wgtrack writes, with their types, and no others. */
    public static void assertKeysAreTheAnchors(String file) {
        for (String measurement : List.of("wireguard_device", "wireguard_peer")) {
            List<String> lines = Arrays.stream(file.split("\n")).filter(l -> l.startsWith(measurement + ",")).toList();
            assertThat(lines).as(measurement).isNotEmpty();
            for (String line : lines) {
                Map<String, String> tags = new LinkedHashMap<>();
                Map<String, String> fields = parse(line, tags);
                for (Key key : TELEGRAF) {
                    if (!key.measurement().equals(measurement)) {
                        continue;
                    }
                    Map<String, String> where = key.kind().equals("tag") ? tags : fields;
                    assertThat(where.containsKey(key.key())).as("%s %s %s (%s)", measurement, key.kind(), key.key(), key.anchor())
                            .isEqualTo(key.written());
                    if (key.written() && key.type().equals("integer")) {
                        assertThat(where.get(key.key())).as(key.anchor()).matches("-?\\d+i");
                    }
                }
                List<String> known = TELEGRAF.stream().filter(k -> k.measurement().equals(measurement)).map(Key::key).toList();
                assertThat(known).as("%s: only the anchor's keys", measurement).containsAll(tags.keySet()).containsAll(fields.keySet());
            }
        }
    }

    @Test
    void valuesAndUnitsAreTheAnchors() {
        String laptop = TestKeys.repeating(1).base64();
        String line = lines("wireguard_peer").stream().filter(l -> l.contains("public_key=" + laptop.replace("=", "\\=") + " ")).findFirst().orElseThrow();
        Map<String, String> tags = new LinkedHashMap<>();
        assertThat(parse(line, tags)).containsExactly(Map.entry("allowed_ips", "2i"),
                Map.entry("last_handshake_time_ns", "1795608018000000000i"), Map.entry("rx_bytes", "1024i"), Map.entry("tx_bytes", "2048i"));
        assertThat(tags).containsExactly(Map.entry("device", "wg0"), Map.entry("public_key", laptop));
        String never = lines("wireguard_peer").stream().filter(l -> l.contains("device=wg1")).findFirst().orElseThrow();
        assertThat(parse(never, new LinkedHashMap<>())).containsEntry("last_handshake_time_ns", "0i").containsEntry("allowed_ips", "0i");
        assertThat(lines("wireguard_device")).extracting(l -> l.substring(0, l.lastIndexOf(' ')))
                .containsExactly("wireguard_device,name=wg0 peers=2i", "wireguard_device,name=wg1 peers=1i");
    }

    @Test
    void integersStayIntegersWithFloatCountersAndTheWgtrackMeasurementStays() {
        String file = new InfluxLineFormat(CounterType.FLOAT, InfluxSchema.TELEGRAF).format(TestSnapshots.threePeers());
        assertThat(file).contains("rx_bytes=1024i").contains("transfer_rx=1024,");
        assertThat(file.split("\n")).filteredOn(l -> l.startsWith("wgtrack,")).hasSize(3);
        assertThat(file.split("\n")).filteredOn(l -> l.startsWith("wgtrack_daemon ")).hasSize(1);
    }

    @Test
    void wgtrackSchemaHasNoTelegrafMeasurements() {
        assertThat(new InfluxLineFormat(CounterType.INTEGER).format(TestSnapshots.threePeers())).doesNotContain("wireguard_");
    }

    @Test
    void failedLiveStateHasNoTelegrafMeasurements() {
        assertThat(new InfluxLineFormat(CounterType.INTEGER, InfluxSchema.TELEGRAF).format(TestSnapshots.liveStateFailed()))
                .doesNotContain("wireguard_");
    }
}
