package org.wgtrack.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.wgtrack.config.ConfigLoader;
import org.wgtrack.config.WgtrackConfig;
import org.wgtrack.daemon.Daemon;
import org.wgtrack.daemon.DaemonAccess;
import org.wgtrack.daemon.Lookups;
import org.wgtrack.log.Log;
import org.wgtrack.log.LogLevel;
import org.wgtrack.output.OutputFactory;
import org.wgtrack.output.OutputPlan;
import org.wgtrack.output.Snapshot;
import org.wgtrack.system.PingResult;
import org.wgtrack.system.Pinger;
import org.wgtrack.system.Resolver;
import org.wgtrack.system.Wg;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgDumps;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;
import org.wgtrack.wg.InterfaceStatus;
import org.wgtrack.wg.LiveState;
import org.wgtrack.wg.PeerStatus;
import org.wgtrack.wg.PublicKey;
import org.wgtrack.wg.WgDumpParser;

/**
 * The CPU one daemon cycle costs on the cycle thread, with wg, ping and DNS answering at once:
 * the target is at most 20 ms at 10,000 peers once warm.
 *
 * <p>The hub {@code wg0} has N peers, each in {@code wg0.conf} with a {@code # Name}. Nine in
 * ten are up (fresh handshake, ping answered, literal endpoint); one in ten is down (handshake
 * 1,000 s old, ping unanswered, hostname endpoint), so re-resolutions start on the SPEC's
 * schedule and an instant resolver answers them on the lookup pool. The configuration is read
 * by the real {@link ConfigLoader} (every peer's parameters come from the real lookup).
 *
 * <ul>
 * <li>{@code outputs=none}: no outputs; {@code outputs=files}: influx and json files on tmpfs
 *     ({@code /dev/shm} when present) and a Prometheus server on 127.0.0.1 (nobody scrapes).</li>
 * <li>{@code dump=live}: wg returns a prebuilt live state; {@code dump=text}: wg reads a
 *     prebuilt {@code wg show all dump} text every cycle against its last reading, as the real
 *     {@code WgCommand} does with wg's output (the process itself is not counted).</li>
 * </ul>
 *
 * <p>Forks run with the launcher's JVM flags (C1 only, serial GC, 64 MiB heap): the figure is
 * what the shipped daemon does. {@code -jvmArgsAppend -Xmx64m} on the command line replaces
 * them (e.g. to see C2). Keep them in step with bin/wgtrack.
 *
 * <pre>mvn -B -o -Pbench test-compile exec:exec -Dbench.args="CycleBench -f 1 -wi 5 -i 5 -w 2s -r 2s"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m", "-Xms4m", "-Xss512k", "-XX:TieredStopAtLevel=1",
        "-XX:NewRatio=1", "-XX:SurvivorRatio=2", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
        "-XX:Tier3MinInvocationThreshold=10", "-XX:Tier3CompileThreshold=1000", "-XX:Tier3BackEdgeThreshold=6000",
        "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"})
public class CycleBench {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Param({"100", "1000", "10000"})
    int peers;

    @Param({"none", "files"})
    String outputs;

    @Param({"live", "text"})
    String dump;

    private Path dir;
    private Daemon daemon;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Log.install(new Log(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), false, LogLevel.INFO));
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "wgtrack-bench") : Files.createTempDirectory("wgtrack-bench");
        Hub hub = Hub.build(peers, new Random(7));
        Files.writeString(dir.resolve("wg0.conf"), hub.wgQuick());
        Files.writeString(dir.resolve("wgtrack.conf"), config(dir, outputs.equals("files")));
        WgtrackConfig config = ConfigLoader.load(dir.resolve("wgtrack.conf"), true);
        OutputPlan plan = OutputFactory.validate(config.outputs());
        Wg wg = dump.equals("text") ? new TextWg(hub.dumpText()) : new LiveWg(hub.live());
        List<InetAddress> hubAddress = List.of(InetAddress.getByName("10.0.0.1"));
        daemon = new Daemon(config, Optional.empty(), plan, () -> config, general -> wg, OutputFactory::validate,
                hub.pinger(), Lookups.on(hub.resolver(), Duration.ofSeconds(5)), name -> hubAddress,
                Clock.fixed(NOW, ZoneOffset.UTC), Daemon.Ticker.SYSTEM);
        Snapshot first = DaemonAccess.runCycle(daemon);
        if (first == null || first.peers().size() != peers) {
            throw new IllegalStateException("first cycle did not track " + peers + " peers: " + first);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        DaemonAccess.close(daemon);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public Snapshot cycle() throws InterruptedException {
        return DaemonAccess.runCycle(daemon);
    }

    static String config(Path dir, boolean outputs) {
        String text = """
                [general]
                cycle_time = 30
                wireguard_config_dir = %s
                wg_command = /bin/false
                """.formatted(dir);
        if (outputs) {
            text += """
                    [output:influx]
                    filename = %s/influx.out
                    [output:json]
                    filename = %s/status.json
                    [output:prometheus]
                    listen = 127.0.0.1
                    port = 0
                    """.formatted(dir, dir);
        }
        return text;
    }

    /** The benchmark's hub: live state, its dump text, wg-quick file and instant fakes. */
    record Hub(LiveState live, String dumpText, String wgQuick, Set<InetAddress> answering, Endpoint movedTo) {

        static Hub build(int count, Random random) throws UnknownHostException {
            List<PeerStatus> statuses = new ArrayList<>();
            StringBuilder conf = new StringBuilder("[Interface]\nAddress = 10.0.0.1/16\nListenPort = 51820\n");
            StringBuilder text = new StringBuilder("wg0\t(none)\tHIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=\t51820\toff\n");
            Set<InetAddress> answering = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                PublicKey key = TestKeys.randomPublic(random);
                InetAddress tunnel = InetAddress.getByAddress(new byte[] {10, (byte) (1 + i / 250), (byte) (i % 250), 2});
                boolean down = i % 10 == 9;
                Endpoint current = new Endpoint("198.51." + (i / 250) + "." + (i % 250), 51820);
                long handshake = NOW.getEpochSecond() - (down ? 1000 : 5 + random.nextInt(100));
                PeerStatus status = new PeerStatus("wg0", key, Optional.of(current),
                        List.of(new AllowedIp(tunnel, 32)), handshake, 1L << 30, 1L << 20, OptionalInt.of(25));
                statuses.add(status);
                text.append(WgDumps.render(status, "(none)"));
                conf.append("\n[Peer]\n# Name = peer ").append(i).append("\nPublicKey = ").append(key.base64())
                        .append("\nAllowedIPs = ").append(tunnel.getHostAddress()).append("/32\nEndpoint = ")
                        .append(down ? "peer" + i + ".example.net:51820" : current.toString()).append('\n');
                if (!down) {
                    answering.add(tunnel);
                }
            }
            LiveState live = new LiveState(List.of(new InterfaceStatus("wg0", Optional.of(
                    new PublicKey("HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=")), OptionalInt.of(51820), OptionalLong.empty(), statuses)));
            return new Hub(live, text.toString(), conf.toString(), answering, new Endpoint("203.0.113.9", 51820));
        }

        /** Answers the up peers' tunnel addresses at once with 3 ms; records nothing (a benchmark runs forever). */
        Pinger pinger() {
            PingResult answered = PingResult.succeeded(Duration.ofMillis(3));
            PingResult silent = PingResult.failed();
            return batch -> batch.stream().map(r -> answering.contains(r.target()) ? answered : silent).toList();
        }

        /** Every name resolves at once to one address (so wg set runs: a no-op here). */
        Resolver resolver() throws UnknownHostException {
            List<InetAddress> answer = List.of(InetAddress.getByName(movedTo.host()));
            return hostname -> answer;
        }
    }

    /** wg whose dump returns the prebuilt live state. */
    record LiveWg(LiveState live) implements Wg {
        @Override
        public LiveState dump() {
            return live;
        }

        @Override
        public void setEndpoint(String interfaceName, PublicKey peer, InetSocketAddress endpoint) {
        }
    }

    /** wg whose dump parses wg's text every cycle, as WgCommand does with the process's output. */
    /** Reads the text against its last reading, as {@code WgCommand} reads wg's output. */
    static final class TextWg implements Wg {
        private final String text;
        private WgDumpParser.Reading last = WgDumpParser.Reading.NONE;

        TextWg(String text) {
            this.text = text;
        }

        @Override
        public LiveState dump() {
            last = WgDumpParser.read(text, warning -> {
                throw new IllegalStateException(warning);
            }, last);
            return last.state();
        }

        @Override
        public void setEndpoint(String interfaceName, PublicKey peer, InetSocketAddress endpoint) {
        }
    }
}
