package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.output.CounterType;
import org.wgtrack.output.InfluxSpec;
import org.wgtrack.output.JsonSpec;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.PrometheusOutput;
import org.wgtrack.output.PrometheusSpec;
import org.wgtrack.output.Snapshot;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.WgCommand;
import org.wgtrack.testing.CountingExecutor;
import org.wgtrack.testing.FakePinger;
import org.wgtrack.testing.FakeResolver;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.wg.PublicKey;

/**
 * Private and preshared keys go in wherever WireGuard puts them (the dump's interface and peer
 * lines, the wg-quick file's {@code PrivateKey} and {@code PresharedKey}), through the real
 * parsers, a real cycle and every output; no key, and no 16-character piece of one, comes out in
 * an output, the status endpoint, the snapshot or the log. The peers' public keys do come out,
 * which shows the outputs were read.
 */
class NoKeyMaterialTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final int PEERS = 6;

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.DEBUG);
    private final Random random = new Random(20261203);
    private final List<String> secrets = new ArrayList<>();
    private final List<String> publicKeys = new ArrayList<>();

    private String secret() {
        String key = TestKeys.randomBase64(random);
        secrets.add(key);
        return key;
    }

    private String publicKey() {
        String key = TestKeys.randomBase64(random);
        publicKeys.add(key);
        return key;
    }

    @Test
    void secretsFedToEveryParserNeverReachAnOutputOrTheLog() throws Exception {
        StringBuilder dump = new StringBuilder("wg0\t" + secret() + "\t" + publicKey() + "\t51820\toff\n");
        StringBuilder wgQuick = new StringBuilder("[Interface]\nPrivateKey = " + secret() + "\nListenPort = 51820\n");
        for (int i = 1; i <= PEERS; i++) {
            String peer = publicKey();
            // Every other peer is stale and pinged without answer, so the cycle logs transitions and warnings too.
            long handshake = i % 2 == 0 ? NOW.getEpochSecond() - 5 : NOW.getEpochSecond() - 1000;
            dump.append("wg0\t").append(peer).append('\t').append(secret()).append("\t192.0.2.").append(i)
                    .append(":51820\t10.10.0.").append(i).append("/32\t").append(handshake).append("\t100\t200\toff\n");
            wgQuick.append("\n[Peer]\n# Name = peer").append(i).append("\nPublicKey = ").append(peer)
                    .append("\nPresharedKey = ").append(secret())
                    .append("\nEndpoint = peer").append(i).append(".example:51820\nAllowedIPs = 10.10.0.").append(i).append("/32\n");
        }
        Files.writeString(dir.resolve("wg0.conf"), wgQuick);
        WgCommand wg = new WgCommand("wg", (command, timeout) -> new ProcessResult(0, dump.toString(), ""), Log::warning);

        Path influx = dir.resolve("influx.out");
        Path json = dir.resolve("status.json");
        OutputPlan plan = new OutputPlan(List.of(new InfluxSpec("influx", influx, CounterType.INTEGER),
                new JsonSpec("json", json)), List.of());
        WgtrackConfig config = new WgtrackConfig("test.conf", new GeneralSettings(Duration.ofSeconds(1), LogLevel.DEBUG, dir, "wg"),
                new WgtrackConfig.TrackingResolver() {
                    @Override
                    public TrackingParams forInterface(String interfaceName) {
                        return TrackingParams.DEFAULTS;
                    }

                    @Override
                    public TrackingParams forPeer(String interfaceName, PublicKey peer) {
                        return TrackingParams.DEFAULTS;
                    }
                }, List.of(), List.of());
        CountingExecutor lookupThreads = new CountingExecutor();
        Daemon daemon = new Daemon(config, Optional.empty(), plan, () -> config, general -> wg, sections -> plan,
                new FakePinger(), new Lookups(new FakeResolver(() -> 0), lookupThreads, Duration.ofSeconds(5)),
                name -> List.of(), Clock.fixed(NOW, ZoneOffset.UTC), Daemon.Ticker.SYSTEM);
        Snapshot snapshot = null;
        for (int cycle = 0; cycle < 8; cycle++) {
            snapshot = daemon.runCycle(Optional.empty());
            assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        daemon.close();

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("influx file", Files.readString(influx).replace("\\=", "="));
        outputs.put("json file", Files.readString(json));
        try (PrometheusOutput prometheus = new PrometheusOutput(new PrometheusSpec("p", "127.0.0.1", 0))) {
            prometheus.write(snapshot);
            int port = prometheus.boundPort().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/metrics", "/status")) {
                outputs.put(path, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
        }
        outputs.put("snapshot", snapshot.toString());
        outputs.put("log", logged.text());

        assertThat(outputs.get("log")).as("the cycles ran and re-resolved").contains("undefined → ", "cannot resolve peer1.example");
        outputs.forEach((name, text) -> {
            for (String secret : secrets) {
                for (int start = 0; start + 16 <= secret.length(); start++) {
                    assertThat(text).as("%s holds a piece of a secret key", name).doesNotContain(secret.substring(start, start + 16));
                }
            }
        });
        for (String name : List.of("influx file", "json file", "/metrics", "/status", "snapshot")) {
            assertThat(outputs.get(name)).as(name).contains(publicKeys.get(1));
        }
        assertThat(secrets).hasSize(2 + 2 * PEERS);
    }
}
