package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgDumps;
import org.wgtrack.testing.WgtrackConf;

/**
 * A hub of 100,000 peers through {@code bin/wgtrack} with its shipped JVM flags and all three
 * outputs on: every cycle's influx file, JSON document and /metrics scrape hold every peer, and the
 * daemon stays alive (with the former {@code -Xmx64m} it died of OutOfMemoryError at 30,000).
 * A dump of more peers than wgtrack tracks fails the cycle with a clear error, and the daemon
 * goes on. Prints resident memory and CPU per cycle for the README's Performance section.
 */
class LargeHubIT {

    private static final int PEERS = 100_000;
    private static final String[] INTERFACES = {"wg0", "wg1"};

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A dump as wg prints it: real keys, preshared keys on some peers, IPv4 and IPv6 endpoints, 1–3 allowed ips, fresh handshakes. */
    static String dump(Random random, int peers, long now) {
        StringBuilder text = new StringBuilder(peers * 140);
        for (int i = 0; i < INTERFACES.length; i++) {
            String name = INTERFACES[i];
            text.append(name).append('\t').append(TestKeys.randomBase64(random)).append('\t').append(TestKeys.randomBase64(random))
                    .append('\t').append(51820 + i).append("\toff\n");
            int count = i == 0 ? peers * 3 / 5 : peers - peers * 3 / 5;
            for (int p = 0; p < count; p++) {
                text.append(name).append('\t').append(TestKeys.randomBase64(random)).append('\t')
                        .append(random.nextInt(4) == 0 ? TestKeys.randomBase64(random) : "(none)").append('\t');
                if (random.nextInt(5) == 0) {
                    text.append('[').append(WgDumps.literal(WgDumps.randomAddress(random, 16))).append(']');
                } else {
                    text.append(WgDumps.literal(WgDumps.randomAddress(random, 4)));
                }
                text.append(':').append(1024 + random.nextInt(64000)).append('\t');
                int ips = 1 + random.nextInt(3);
                for (int a = 0; a < ips; a++) {
                    text.append(a > 0 ? "," : "");
                    if (a == 1) {
                        text.append(WgDumps.literal(WgDumps.randomAddress(random, 16))).append("/128");
                    } else {
                        text.append(WgDumps.literal(WgDumps.randomAddress(random, 4))).append(a == 0 ? "/32" : "/24");
                    }
                }
                text.append('\t').append(now - random.nextInt(100))
                        .append('\t').append(random.nextLong() & 0xFF_FFFF_FFFFL)
                        .append('\t').append(random.nextLong() & 0xFF_FFFF_FFFFL)
                        .append('\t').append(random.nextBoolean() ? "25" : "off").append('\n');
            }
        }
        return text.toString();
    }

    /** A wg that prints the file {@code dump} as fast as cat can: a loop in bash would take seconds per cycle. */
    static Path fakeWg(Path dir) throws IOException {
        Path script = dir.resolve("wg");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1 $2 $3" = "show all dump" ] || exit 1
                echo >> '%1$s/cycles'
                exec cat '%1$s/dump'
                """.formatted(dir));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    static Path config(Path dir, Path wg, double cycleTime, int port) throws IOException {
        return WgtrackConf.write(dir, String.valueOf(cycleTime), wg, """
                [DEFAULT]
                ping_interval = 0

                [output:influx]
                filename = %s

                [output:json]
                filename = %s

                [output:prometheus]
                listen = 127.0.0.1
                port = %d
                """.formatted(dir.resolve("influx.out"), dir.resolve("status.json"), port));
    }

    @Test
    void tracksOneHundredThousandPeersWithEveryOutputAndRefusesMoreThanTheCap() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Files.writeString(dir.resolve("dump"), dump(new Random(100_000), PEERS, now));
        Path wg = fakeWg(dir);
        int port = freePort();
        Path config = config(dir, wg, 3, port);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            List<String> figures = new ArrayList<>();
            long cpuAtFirst = 0;
            int cycleAtFirst = 0;
            for (int round = 0; round < 3; round++) {
                int before = cycles();
                awaitCycles(daemon, before + 2);
                assertThat(influxPeerLines()).as("influx lines of peers").isEqualTo(PEERS);
                assertThat(jsonPeers()).as("peers in status.json").isEqualTo(PEERS);
                assertThat(scrapedPeers(port)).as("wgtrack_peer_up series of one /metrics scrape").isEqualTo(PEERS);
                if (round == 0) {
                    cpuAtFirst = cpuTicks(daemon.pid());
                    cycleAtFirst = cycles();
                }
                figures.add("after " + cycles() + " cycles: VmRSS " + status(daemon.pid(), "VmRSS") + ", VmHWM " + status(daemon.pid(), "VmHWM"));
            }
            double msPerCycle = (cpuTicks(daemon.pid()) - cpuAtFirst) * 10.0 / (cycles() - cycleAtFirst);
            System.out.println("LargeHubIT, " + PEERS + " peers, all outputs, one scrape per 2 cycles: " + String.join("; ", figures)
                    + "; daemon CPU " + Math.round(msPerCycle) + " ms per cycle (clock ticks of 10 ms, after the first cycles)");
            assertThat(daemon.isAlive()).isTrue();
            assertThat(daemon.log()).doesNotContain("OutOfMemoryError", "ERROR");

            // One peer more than the cap: the cycle fails with a clear error and the outputs say so.
            // Peers that never connected keep the dump (20 MB) under the 32 MiB wg output limit.
            String full = Files.readString(dir.resolve("dump"));
            StringBuilder tooMany = new StringBuilder(full.substring(0, full.indexOf('\n') + 1));
            Random random = new Random(1);
            for (int i = 0; i <= 250_000; i++) {
                tooMany.append("wg0\t").append(TestKeys.randomBase64(random)).append("\t(none)\t(none)\t(none)\t0\t0\t0\toff\n");
            }
            serveAtomically(tooMany.toString());
            daemon.awaitLog(l -> l.contains("reading the live state failed: wg show all dump: live state has 250001 peers,"
                    + " more than the 250000 wgtrack tracks; no peer is judged or exported while there are more (retrying every cycle)"),
                    Duration.ofSeconds(60), "the cap to be reported");
            awaitCycles(daemon, cycles() + 1);
            assertThat(influxPeerLines()).isZero();
            assertThat(Files.readString(dir.resolve("influx.out"))).contains("live_state_ok=0i");
            assertThat(scrapedPeers(port)).isZero();

            serveAtomically(full);
            daemon.awaitLog(l -> l.contains("reading the live state works again"), Duration.ofSeconds(60), "recovery");
            awaitCycles(daemon, cycles() + 2);
            assertThat(influxPeerLines()).isEqualTo(PEERS);
            assertThat(daemon.isAlive()).isTrue();
            assertThat(daemon.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private void serveAtomically(String dump) throws IOException {
        Path next = dir.resolve("dump.next");
        Files.writeString(next, dump);
        Files.move(next, dir.resolve("dump"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private int cycles() throws IOException {
        Path cycles = dir.resolve("cycles");
        return Files.exists(cycles) ? (int) Files.size(cycles) : 0;
    }

    private void awaitCycles(DaemonProcess daemon, int count) throws Exception {
        Await.atMost(Duration.ofSeconds(60)).every(Duration.ofMillis(100)).until(count + " cycles", () -> {
            if (cycles() >= count) {
                return true;
            }
            assertThat(daemon.isAlive()).as("daemon alive; log:\n%s", daemon.log()).isTrue();
            return false;
        });
        // The dump of the cycle counted last is written once that cycle ends.
        Thread.sleep(500);
    }

    private long influxPeerLines() throws IOException {
        try (Stream<String> lines = Files.lines(dir.resolve("influx.out"))) {
            return lines.filter(l -> l.contains(",peer=")).count();
        }
    }

    private long jsonPeers() throws IOException {
        try (Stream<String> lines = Files.lines(dir.resolve("status.json"))) {
            return lines.filter(l -> l.contains("\"public_key\"")).count();
        }
    }

    private long scrapedPeers(int port) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Set<String> peers = new HashSet<>();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                if (line.startsWith("wgtrack_peer_up{")) {
                    peers.add(line.substring(0, line.lastIndexOf('}')));
                }
            }
        }
        return peers.size();
    }

    static String status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip()) / 1024 + " MiB";
            }
        }
        return "?";
    }

    /** utime + stime of the whole process, in clock ticks (USER_HZ, 100 on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
