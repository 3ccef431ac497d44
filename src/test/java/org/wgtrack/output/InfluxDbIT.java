package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.PeerSnapshotBuilder;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.track.HandshakeStatus;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.Endpoint;

/**
 * Feeds the influx output's file to a real InfluxDB 1.x (Debian's influxdb) and reads every
 * value back: proves the line protocol, including the escaping of awkward names.
 */
class InfluxDbIT {

    @TempDir
    static Path dir;

    private static ExternalServer influxd;
    private static String base;

    @BeforeAll
    static void startInfluxd() throws Exception {
        Path binary = ExternalServer.requireBinary("influxd", "influxdb");
        int http = ExternalServer.freePort();
        int rpc = ExternalServer.freePort();
        Path config = dir.resolve("influxdb.conf");
        // Everything on 127.0.0.1 or off; no usage reports home.
        Files.writeString(config, String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpc + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"127.0.0.1:" + http + "\"",
                "  log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[subscriber]",
                "  enabled = false",
                "[continuous_queries]",
                "  enabled = false",
                "[[graphite]]",
                "  enabled = false",
                "[[collectd]]",
                "  enabled = false",
                "[[opentsdb]]",
                "  enabled = false",
                "[[udp]]",
                "  enabled = false",
                ""));
        influxd = ExternalServer.start("influxd", dir, List.of(binary.toString(), "-config", config.toString()));
        base = "http://127.0.0.1:" + http;
        influxd.await("influxd to answer /ping", Duration.ofSeconds(60), () -> ExternalServer.answers(base + "/ping", 204));
    }

    @AfterAll
    static void stopInfluxd() throws Exception {
        if (influxd != null) {
            influxd.close();
        }
    }

    private static void createDatabase(String db) throws Exception {
        assertThat(ExternalServer.post(base + "/query?q=" + ExternalServer.encode("CREATE DATABASE " + db), "").statusCode())
                .isEqualTo(200);
    }

    /** Posts the file line by line, so a refused line is named in the failure. */
    private static void postEveryLine(String db, Path file) throws Exception {
        for (String line : Files.readAllLines(file)) {
            var response = ExternalServer.post(base + "/write?db=" + db + "&precision=ns", line);
            assertThat(response.statusCode()).as("InfluxDB refused %s: %s", line, response.body()).isEqualTo(204);
        }
    }

    /** Rows of a query as column → value maps. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> query(String db, String q) throws Exception {
        var response = ExternalServer.get(base + "/query?epoch=ns&db=" + db + "&q=" + ExternalServer.encode(q));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> result = ((List<Map<String, Object>>) ExternalServer.json(response.body()).get("results")).get(0);
        assertThat(result).as(response.body()).doesNotContainKey("error");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> series : (List<Map<String, Object>>) result.getOrDefault("series", List.of())) {
            List<String> columns = (List<String>) series.get("columns");
            for (List<Object> values : (List<List<Object>>) series.get("values")) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), values.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static PeerSnapshot named(int keyByte, String name) {
        return PeerSnapshotBuilder.peer("wg0", TestKeys.repeating(keyByte)).withName(name).withState(PeerState.DOWN_CHECKING)
                .withHandshake(HandshakeStatus.FAILED, 1_795_600_000L, 8030).withTransfer(keyByte * 1000L, 7)
                .withConfigEndpoint(new Endpoint("vpn.example.org", 51820)).withAllowedIps("10.0.0.1/32")
                .withEndpointUpdates(1).build();
    }

    @Test
    void everyValueArrivesIncludingNamesThatNeedEscaping() throws Exception {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        String[] awkward = {"two words", "a,b", "a=b", "say \"hi\"", "back\\slash", "two\\\\slashes", "slash\\,comma", "slash\\\\,comma", "slash\\ space", "lead\\=eq",
            "Büro Köln ☃ 日本", "=,= ,"};
        List<PeerSnapshot> peers = new ArrayList<>(List.of(TestSnapshots.up(), TestSnapshots.downAwkwardName(), TestSnapshots.neverSeen()));
        for (int i = 0; i < awkward.length; i++) {
            PeerSnapshot p = named(0xf0 + i, awkward[i]);
            peers.add(p);
            names.put(p.publicKey().base64(), awkward[i]);
        }
        names.put(TestKeys.repeating(1).base64(), "laptop");
        names.put(TestKeys.repeating(2).base64(), TestSnapshots.downAwkwardName().name().orElseThrow());
        Snapshot snapshot = new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), peers, Optional.of(Duration.ofMillis(12)), Map.of());
        Path file = dir.resolve("wg-track_influx.out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.INTEGER)).write(snapshot);
        createDatabase("wgtrack");
        postEveryLine("wgtrack", file);

        List<Map<String, Object>> rows = query("wgtrack", "SELECT * FROM wgtrack");
        assertThat(rows).hasSize(peers.size());
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        rows.forEach(r -> byKey.put((String) r.get("peer"), r));
        for (PeerSnapshot p : peers) {
            Map<String, Object> row = byKey.get(p.publicKey().base64());
            assertThat(row).as("row of %s", p.publicKey()).isNotNull();
            assertThat(row.get("name")).isEqualTo(names.get(p.publicKey().base64()));
            assertThat(row.get("interface")).isEqualTo(p.interfaceName());
            assertThat(((Number) row.get("time")).longValue()).isEqualTo(1_795_608_030_000_000_000L);
            assertThat(((Number) row.get("transfer_rx")).longValue()).isEqualTo(p.rxBytes());
            assertThat(((Number) row.get("transfer_tx")).longValue()).isEqualTo(p.txBytes());
            assertThat(row.get("status")).isEqualTo(p.state().label());
            assertThat(((Number) row.get("is_up")).longValue()).isEqualTo(p.isUp() ? 1 : 0);
            assertThat(((Number) row.get("latest_handshake")).longValue()).isEqualTo(p.latestHandshakeEpochSeconds());
            assertThat(row.get("handshake_status")).isEqualTo(p.handshakeStatus().label());
            assertThat(row.get("endpoint")).isEqualTo(p.endpoint().map(Endpoint::toString).orElse(null));
            assertThat(((Number) row.get("endpoint_updates")).longValue()).isEqualTo(p.endpointUpdates());
        }
        Map<String, Object> up = byKey.get(TestKeys.repeating(1).base64());
        assertThat(((Number) up.get("ping_rtt_ms")).doubleValue()).isEqualTo(1.25);
        assertThat(((Number) up.get("handshake_age")).longValue()).isEqualTo(12);
        assertThat(byKey.get(TestKeys.repeating(3).base64()).get("handshake_age")).isNull();

        assertThat(query("wgtrack", "SHOW FIELD KEYS FROM wgtrack")).extracting(r -> r.get("fieldKey") + ":" + r.get("fieldType"))
                .containsExactlyInAnyOrder("endpoint:string", "endpoint_updates:integer", "handshake_age:integer",
                        "handshake_status:string", "is_up:integer", "latest_handshake:integer", "ping_rtt_ms:float",
                        "status:string", "transfer_rx:integer", "transfer_tx:integer");

        List<Map<String, Object>> daemon = query("wgtrack", "SELECT * FROM wgtrack_daemon");
        assertThat(daemon).hasSize(1);
        assertThat(((Number) daemon.get(0).get("live_state_ok")).longValue()).isEqualTo(1);
        assertThat(((Number) daemon.get(0).get("peers")).longValue()).isEqualTo(peers.size());
    }

    @Test
    void trailingBackslashesAreDroppedBecauseInfluxDbCannotStoreThem() throws Exception {
        PeerSnapshot p = named(0x11, "ends\\\\\\");
        Path file = dir.resolve("backslash.out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.INTEGER))
                .write(new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(p), Optional.empty(), Map.of()));
        createDatabase("backslash");
        postEveryLine("backslash", file);
        assertThat(query("backslash", "SELECT * FROM wgtrack")).extracting(r -> r.get("name")).containsExactly("ends");
    }

    @Test
    void failedLiveStateReadWritesOnlyTheDaemonLineWithTheError() throws Exception {
        String error = "wg show all dump failed: \"wg\" said C:\\nonsense, quoted";
        Path file = dir.resolve("failed.out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.INTEGER)).write(
                new Snapshot(Instant.parse("2026-11-25T12:01:00Z"), Optional.of(error), List.of(), Optional.empty(), Map.of()));
        createDatabase("failed");
        postEveryLine("failed", file);
        assertThat(query("failed", "SELECT * FROM wgtrack")).isEmpty();
        List<Map<String, Object>> daemon = query("failed", "SELECT * FROM wgtrack_daemon");
        assertThat(daemon).hasSize(1);
        assertThat(((Number) daemon.get(0).get("live_state_ok")).longValue()).isZero();
        assertThat(daemon.get(0).get("live_state_error")).isEqualTo(error);
    }

    /** Queries as a dashboard built on Telegraf's inputs.wireguard writes them: by measurement, tag and field name. */
    @Test
    void telegrafSchemaAnswersQueriesWrittenForTelegrafsWireguardInput() throws Exception {
        Path file = dir.resolve("telegraf.out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.INTEGER, InfluxSchema.TELEGRAF)).write(TestSnapshots.threePeersWithInterfaces());
        createDatabase("telegraf");
        postEveryLine("telegraf", file);
        String laptop = TestKeys.repeating(1).base64();
        List<Map<String, Object>> peer = query("telegraf",
                "SELECT last(\"rx_bytes\") AS rx, last(\"tx_bytes\") AS tx, last(\"last_handshake_time_ns\") AS hs, last(\"allowed_ips\") AS ips,"
                        + " last(\"allowed_peer_cidr\") AS cidrs, last(\"endpoint\") AS endpoint"
                        + " FROM \"wireguard_peer\" WHERE \"device\" = 'wg0' AND \"public_key\" = '" + laptop + "'");
        assertThat(peer).singleElement().satisfies(r -> {
            assertThat(((Number) r.get("rx")).longValue()).isEqualTo(1024);
            assertThat(((Number) r.get("tx")).longValue()).isEqualTo(2048);
            assertThat(((Number) r.get("hs")).longValue()).isEqualTo(1_795_608_018_000_000_000L);
            assertThat(((Number) r.get("ips")).longValue()).isEqualTo(2);
            assertThat(r.get("cidrs")).isEqualTo("10.10.0.2/32,fd00::2/128");
            assertThat(r.get("endpoint")).isEqualTo("192.0.2.1:51820");
        });
        assertThat(query("telegraf", "SHOW FIELD KEYS FROM wireguard_peer")).extracting(r -> r.get("fieldKey") + ":" + r.get("fieldType"))
                .containsExactlyInAnyOrder("allowed_ips:integer", "allowed_peer_cidr:string", "endpoint:string",
                        "last_handshake_time_ns:integer", "rx_bytes:integer", "tx_bytes:integer");
        assertThat(query("telegraf", "SHOW FIELD KEYS FROM wireguard_device")).extracting(r -> r.get("fieldKey") + ":" + r.get("fieldType"))
                .containsExactlyInAnyOrder("firewall_mark:integer", "listen_port:integer", "peers:integer");
        assertThat(query("telegraf", "SHOW TAG KEYS FROM wireguard_peer")).extracting(r -> r.get("tagKey"))
                .containsExactlyInAnyOrder("device", "public_key");
        assertThat(query("telegraf", "SELECT sum(\"peers\") AS peers FROM \"wireguard_device\" GROUP BY \"name\""))
                .extracting(r -> ((Number) r.get("peers")).longValue()).containsExactlyInAnyOrder(2L, 1L, 0L);
        assertThat(query("telegraf", "SELECT last(\"listen_port\") AS port FROM \"wireguard_device\" WHERE \"name\" = 'wg0'"))
                .singleElement().satisfies(r -> assertThat(((Number) r.get("port")).longValue()).isEqualTo(51820));
        // and the link state next to it, in wgtrack's own measurement
        assertThat(query("telegraf", "SELECT \"status\", \"is_up\" FROM \"wgtrack\" WHERE \"peer\" = '" + laptop + "'"))
                .singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("up:ok"));
    }

    @Test
    void floatCounterTypeMatchesSeriesOfTheOriginalTool() throws Exception {
        createDatabase("legacy");
        // What the Python tool wrote: float counters.
        assertThat(ExternalServer.post(base + "/write?db=legacy&precision=ns",
                "wgtrack,interface=wg0,peer=" + TestKeys.repeating(1).base64().replace("=", "\\=")
                        + " transfer_rx=1.0,transfer_tx=2.0,is_up=1.0 1795608000000000000").statusCode()).isEqualTo(204);
        Path file = dir.resolve("legacy.out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.FLOAT)).write(TestSnapshots.threePeers());
        postEveryLine("legacy", file);
        assertThat(query("legacy", "SELECT count(transfer_rx) FROM wgtrack")).extracting(r -> ((Number) r.get("count")).longValue())
                .containsExactly(4L);
        // whereas integer counters into that series are refused: the reason for counter_type = float
        Path ints = dir.resolve("ints.out");
        new InfluxOutput(new InfluxSpec("influx", ints, CounterType.INTEGER)).write(TestSnapshots.threePeers());
        var refused = ExternalServer.post(base + "/write?db=legacy&precision=ns", Files.readAllLines(ints).get(0));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("field type conflict");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {7, 11, 2026})
    void randomNamesComeBackExactly(long seed) throws Exception {
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "ab ,=\\\"'üß☃日\\";
        List<PeerSnapshot> peers = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            PeerSnapshot p = named(i, name.toString());
            peers.add(p);
            // the documented loss: trailing backslashes; a name left empty is no tag
            String stored = name.toString().replaceFirst("\\\\+$", "");
            expected.put(p.publicKey().base64(), stored.isEmpty() ? null : stored);
        }
        String db = "random" + seed;
        Path file = dir.resolve(db + ".out");
        new InfluxOutput(new InfluxSpec("influx", file, CounterType.INTEGER))
                .write(new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), peers, Optional.empty(), Map.of()));
        createDatabase(db);
        postEveryLine(db, file);
        Map<String, String> actual = new HashMap<>();
        query(db, "SELECT * FROM wgtrack").forEach(r -> actual.put((String) r.get("peer"), (String) r.get("name")));
        assertThat(actual).isEqualTo(expected);
    }
}
