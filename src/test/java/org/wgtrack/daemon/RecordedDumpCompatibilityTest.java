package org.wgtrack.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.config.GeneralSettings;
import org.wgtrack.config.TrackingParams;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.output.BuildInfo;
import org.wgtrack.output.CompatibilitySet;
import org.wgtrack.output.CompatibilitySetTest;
import org.wgtrack.output.CounterType;
import org.wgtrack.output.InfluxLineFormat;
import org.wgtrack.output.InfluxSchema;
import org.wgtrack.output.InfluxTelegrafSchemaTest;
import org.wgtrack.output.MetricsExposition;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.Snapshot;
import org.wgtrack.output.WireguardExporterSetTest;
import org.wgtrack.system.ProcessResult;
import org.wgtrack.system.WgCommand;
import org.wgtrack.testing.CountingExecutor;
import org.wgtrack.testing.FakePinger;
import org.wgtrack.testing.FakeResolver;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.wg.PublicKey;

/**
 * The compatibility outputs from recorded dumps ({@code wg show all dump} of a real
 * wireguard-go, and of a hub) through one real daemon cycle: the Rust exporter's families
 * ({@code compatible_with = prometheus_wireguard_exporter}), the Go exporter's
 * ({@code wireguard_exporter}, both sets at once) and Telegraf's measurements
 * ({@code schema = telegraf}) against golden files and against the anchors' tables, family by
 * family and key by key, and no private or preshared key of the dump in either.
 * CompatibilitySetTest, WireguardExporterSetTest and InfluxTelegrafSchemaTest hold the tables.
 */
class RecordedDumpCompatibilityTest {

    /** The daemon's log is not what this test reads: kept off the test run's stderr. */
    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final BuildInfo BUILD = new BuildInfo("0.1.0", "0123456789ab", "17.0.13+11-Debian-2deb12u1");

    @TempDir
    Path dir;

    private Snapshot oneCycle(String dump) throws Exception {
        WgCommand wg = new WgCommand("wg", (command, timeout) -> new ProcessResult(0, dump, ""), Log::warning);
        OutputPlan plan = new OutputPlan(List.of(), List.of());
        WgtrackConfig config = new WgtrackConfig("test.conf", new GeneralSettings(Duration.ofSeconds(1), LogLevel.ERROR, dir, "wg"),
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
        try {
            Snapshot snapshot = daemon.runCycle(Optional.empty());
            assertThat(lookupThreads.awaitIdle(Duration.ofSeconds(5))).isTrue();
            return snapshot;
        } finally {
            daemon.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-wireguard-go", "hub"})
    void compatibilityOutputsOfARecordedDumpMatchTheirGoldenFiles(String name) throws Exception {
        Path fixtures = Path.of("src/test/resources/wg/dump");
        String dump = Files.readString(fixtures.resolve(name + ".dump"), StandardCharsets.UTF_8);
        Snapshot snapshot = oneCycle(dump);
        assertThat(snapshot.peers()).isNotEmpty();

        StringWriter metrics = new StringWriter();
        MetricsExposition.of(snapshot, BUILD, Set.of(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER, CompatibilitySet.WIREGUARD_EXPORTER))
                .write(metrics, false);
        String exporter = metrics.toString().lines()
                .filter(l -> l.matches("(# (HELP|TYPE) )?wireguard_(sent|received|latest).*"))
                .reduce("", (a, b) -> a + b + "\n");
        String goExporter = metrics.toString().lines()
                .filter(l -> l.matches("(# (HELP|TYPE) )?wireguard_(device|peer)_.*"))
                .reduce("", (a, b) -> a + b + "\n");
        String influx = new InfluxLineFormat(CounterType.INTEGER, InfluxSchema.TELEGRAF).format(snapshot).lines()
                .filter(l -> l.startsWith("wireguard_")).reduce("", (a, b) -> a + b + "\n");
        // the anchors' tables, family by family and key by key, hold for a real dump too
        CompatibilitySetTest.assertFamiliesAreTheAnchors(metrics.toString(), false);
        WireguardExporterSetTest.assertFamiliesAreTheAnchors(metrics.toString(), false);
        InfluxTelegrafSchemaTest.assertKeysAreTheAnchors(influx);
        assertThat(exporter).isEqualTo(Golden.expected("output/recorded-" + name + "-prometheus_wireguard_exporter.golden.txt", exporter));
        assertThat(goExporter).isEqualTo(Golden.expected("output/recorded-" + name + "-wireguard_exporter.golden.txt", goExporter));
        assertThat(influx).isEqualTo(Golden.expected("output/recorded-" + name + "-telegraf.golden", influx));

        for (String secret : Files.readAllLines(fixtures.resolve(name + ".secrets"), StandardCharsets.UTF_8)) {
            if (secret.isBlank()) {
                continue;
            }
            String fragment = secret.strip().substring(0, 16);
            assertThat(metrics.toString()).doesNotContain(fragment);
            assertThat(influx).doesNotContain(fragment);
        }
    }
}
