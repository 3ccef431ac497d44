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
 * <p>Anchor: influxdata/telegraf at commit b272631 (2026-08-21, the head of its master branch),
 * plugins/inputs/wireguard/wireguard.go (measurement names lines 20-21, gatherDeviceMetrics
 * lines 89-106, gatherDevicePeerMetrics lines 108-140; {@code allowed_peer_cidr} since
 * 86eee28, {@code endpoint} since eeff5e8), and the plugin's README.md (fields, types and units).
 */
public class InfluxTelegrafSchemaTest {

    /** One tag or field of the anchor: measurement, kind, key, line-protocol type, when wgtrack writes it, the anchor. */
    record Key(String measurement, String kind, String key, String type, Written written, String anchor) {
    }

    /** When a key is on a line: on every one, only when the value exists (as the anchor does), or never (wgtrack lacks the data). */
    enum Written { ALWAYS, WHEN_KNOWN, NEVER }

    static final List<Key> TELEGRAF = List.of(
            new Key("wireguard_device", "tag", "name", "", Written.ALWAYS, "wireguard.go:100 tags \"name\": device.Name"),
            new Key("wireguard_device", "tag", "type", "", Written.NEVER, "wireguard.go:101 tags \"type\": deviceTypeNames[device.Type]; wg's dump does not tell kernel from userspace"),
            new Key("wireguard_device", "field", "listen_port", "integer", Written.ALWAYS, "wireguard.go:91 fields \"listen_port\": device.ListenPort (0 for none)"),
            new Key("wireguard_device", "field", "firewall_mark", "integer", Written.ALWAYS, "wireguard.go:92 fields \"firewall_mark\": device.FirewallMark (0 for off)"),
            new Key("wireguard_device", "field", "peers", "integer", Written.ALWAYS, "wireguard.go:96 gauges \"peers\": len(device.Peers)"),
            new Key("wireguard_peer", "tag", "device", "", Written.ALWAYS, "wireguard.go:134 tags \"device\": device.Name"),
            new Key("wireguard_peer", "tag", "public_key", "", Written.ALWAYS, "wireguard.go:135 tags \"public_key\": peer.PublicKey.String()"),
            new Key("wireguard_peer", "field", "allowed_ips", "integer", Written.ALWAYS, "wireguard.go:112 fields \"allowed_ips\": len(peer.AllowedIPs)"),
            new Key("wireguard_peer", "field", "allowed_peer_cidr", "string", Written.WHEN_KNOWN,
                    "wireguard.go:119-125 fields \"allowed_peer_cidr\": each ip.String() joined by \",\", only when there are allowed IPs"),
            new Key("wireguard_peer", "field", "endpoint", "string", Written.WHEN_KNOWN,
                    "wireguard.go:115-117 fields \"endpoint\": peer.Endpoint.String(), only when there is an endpoint"),
            new Key("wireguard_peer", "field", "last_handshake_time_ns", "integer", Written.ALWAYS, "wireguard.go:128 gauges \"last_handshake_time_ns\": peer.LastHandshakeTime.UnixNano()"),
            new Key("wireguard_peer", "field", "rx_bytes", "integer", Written.ALWAYS, "wireguard.go:129 gauges \"rx_bytes\": peer.ReceiveBytes"),
            new Key("wireguard_peer", "field", "tx_bytes", "integer", Written.ALWAYS, "wireguard.go:130 gauges \"tx_bytes\": peer.TransmitBytes"),
            new Key("wireguard_peer", "field", "persistent_keepalive_interval_ns", "integer", Written.NEVER,
                    "wireguard.go:110 fields \"persistent_keepalive_interval_ns\"; not in wgtrack's snapshot"),
            new Key("wireguard_peer", "field", "protocol_version", "integer", Written.NEVER, "wireguard.go:111 fields \"protocol_version\"; wg's dump does not show it"));

    private static String file() {
        return new InfluxLineFormat(CounterType.INTEGER, InfluxSchema.TELEGRAF).format(TestSnapshots.threePeersWithInterfaces());
    }

    /** Tags (into {@code tags}) and fields of a line; enough for these lines, whose tags escape only the keys' {@code =}. */
    private static Map<String, String> parse(String line, Map<String, String> tags) {
        int fieldsStart = line.indexOf(' ') + 1;
        String[] series = line.substring(0, fieldsStart - 1).split(",");
        for (int i = 1; i < series.length; i++) {
            String[] kv = series[i].split("=", 2);
            tags.put(kv[0], kv[1].replace("\\=", "="));
        }
        // fields up to the timestamp, split at commas outside quoted strings (allowed_peer_cidr holds commas)
        Map<String, String> fields = new LinkedHashMap<>();
        String text = line.substring(fieldsStart, line.lastIndexOf(' '));
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String[] kv = text.substring(from, i).split("=", 2);
                fields.put(kv[0], kv[1]);
                from = i + 1;
            }
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
                    if (key.written() != Written.WHEN_KNOWN) {
                        assertThat(where.containsKey(key.key())).as("%s %s %s (%s)", measurement, key.kind(), key.key(), key.anchor())
                                .isEqualTo(key.written() == Written.ALWAYS);
                    }
                    if (where.containsKey(key.key()) && key.type().equals("integer")) {
                        assertThat(where.get(key.key())).as(key.anchor()).matches("-?\\d+i");
                    }
                    if (where.containsKey(key.key()) && key.type().equals("string")) {
                        assertThat(where.get(key.key())).as(key.anchor()).matches("\"([^\"\\\\]|\\\\.)*\"");
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
                Map.entry("allowed_peer_cidr", "\"10.10.0.2/32,fd00::2/128\""), Map.entry("endpoint", "\"192.0.2.1:51820\""),
                Map.entry("last_handshake_time_ns", "1795608018000000000i"), Map.entry("rx_bytes", "1024i"), Map.entry("tx_bytes", "2048i"));
        assertThat(tags).containsExactly(Map.entry("device", "wg0"), Map.entry("public_key", laptop));
        String never = lines("wireguard_peer").stream().filter(l -> l.contains("device=wg1")).findFirst().orElseThrow();
        // no allowed IPs and no endpoint: a count of 0 and neither string field, as Telegraf writes it
        assertThat(parse(never, new LinkedHashMap<>())).containsEntry("last_handshake_time_ns", "0i").containsEntry("allowed_ips", "0i")
                .doesNotContainKeys("allowed_peer_cidr", "endpoint");
        // every tracked interface, one without peers too; no listen port and no fwmark are 0, as wgctrl reports them
        assertThat(lines("wireguard_device")).extracting(l -> l.substring(0, l.lastIndexOf(' '))).containsExactly(
                "wireguard_device,name=wg0 firewall_mark=0i,listen_port=51820i,peers=2i",
                "wireguard_device,name=wg1 firewall_mark=0i,listen_port=0i,peers=1i",
                "wireguard_device,name=wg2 firewall_mark=51820i,listen_port=51822i,peers=0i");
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
