package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.SilentNamespace;
import org.wgtrack.testing.TestEnvironment;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgtrackConf;

/**
 * {@code bin/wgtrack} inside a network namespace of the test's own, pinging 20 peers with the
 * real iputils ping (fping kept off its PATH) on cycles shorter than {@code ping_timeout}: 19
 * targets stay silent (each ping runs its whole timeout), one answers. Over 30 cycles the
 * daemon's thread count stays flat and no zombie child is left once the pings stop. Before,
 * the ping pool started a new thread per ping up to 256 and each ping held two drain threads
 * more (324–343 threads for 20 peers). Needs root, ip and ping (skipped otherwise, failed
 * when CI=true).
 */
class DaemonPingLoadIT {

    private static final int PEERS = 20;
    /** What bin/wgtrack and the scripted wg run, plus ping; not fping, so iputils ping is used. */
    private static final List<String> TOOLS = List.of("java", "sh", "bash", "readlink", "dirname", "date", "cat", "sed", "ping");

    @RegisterExtension
    static final SilentNamespace namespace = SilentNamespace.forClass("wgtrack-pingload-it", "ping");

    @TempDir
    Path dir;

    @Test
    void threadsStayFlatAndNoZombiesAreLeftOverManyCycles() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), TestEnvironment.onPath(tool).orElseThrow().toAbsolutePath());
        }
        Path wg = writeFakeWg();
        Path config = WgtrackConf.write(dir, "0.2", wg, """
                [DEFAULT]
                ping_interval = 1
                ping_timeout = 1
                ping_failafternum = 1000
                """);

        try (DaemonProcess daemon = DaemonProcess.start(List.of(TestEnvironment.onPath("ip").orElseThrow().toString(), "netns", "exec", namespace.name()),
                dir, Map.of("PATH", bin.toString()), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("pinging with ping from iputils"), Duration.ofSeconds(20), "iputils ping to be chosen");
            awaitCalls(daemon, 5);
            int threadsEarly = threads(daemon.pid());
            int most = threadsEarly;
            int mostZombies = 0;
            while (calls() < 35) {
                assertThat(daemon.isAlive()).isTrue();
                most = Math.max(most, threads(daemon.pid()));
                mostZombies = Math.max(mostZombies, zombieChildren(daemon.pid()));
                Thread.sleep(100);
            }
            int threadsLate = threads(daemon.pid());
            assertThat(daemon.log()).contains("undefined → up:ok (handshake ok, ping answered)").doesNotContain("cycle failed");

            Files.writeString(dir.resolve("quiet"), "");
            Thread.sleep(3000);
            int zombiesAtRest = zombieChildren(daemon.pid());
            System.out.println("daemon threads after 5 cycles " + threadsEarly + ", after 35 " + threadsLate
                    + ", most " + most + "; zombie children at most " + mostZombies + ", at rest " + zombiesAtRest);

            // 20 pings at once: a worker and the JDK's reaper each, on top of the daemon's own threads.
            assertThat(threadsLate).as("threads after 35 cycles").isLessThanOrEqualTo(threadsEarly + 5);
            assertThat(most).as("most threads seen").isLessThanOrEqualTo(threadsEarly + 2 * PEERS);
            assertThat(zombiesAtRest).as("zombie children once the pings stopped").isZero();
            // The cycle's own `wg show all dump` may be running at this instant; no ping may be.
            assertThat(ProcessHandle.of(daemon.pid()).orElseThrow().children()
                    .filter(child -> child.info().command().map(c -> c.endsWith("ping")).orElse(false)).count())
                    .as("ping children once the pings stopped").isZero();
        }
    }

    /** Serves the dump of {@code dump} with fresh handshakes, or no peers once {@code quiet} exists; counts its calls. */
    private Path writeFakeWg() throws IOException {
        Random random = new Random(12);
        StringBuilder dump = new StringBuilder("d0\t" + TestKeys.randomBase64(random) + "\t" + TestKeys.randomBase64(random) + "\t51820\toff\n");
        for (int i = 0; i < PEERS; i++) {
            // Peer 0 pings the namespace's own address, which answers; the others stay silent.
            String tunnel = i == 0 ? "10.98.0.1" : "10.98.1." + i;
            dump.append("d0\t").append(TestKeys.randomBase64(random)).append("\t(none)\t192.0.2.1:51820\t").append(tunnel)
                    .append("/32\t@NOW@\t100\t200\toff\n");
        }
        Files.writeString(dir.resolve("dump"), dump.toString(), StandardCharsets.UTF_8);
        Path script = dir.resolve("wg");
        Files.writeString(script, """
                #!/bin/bash
                dir='%s'
                echo call >> "$dir/calls"
                if [ -e "$dir/quiet" ]; then
                    head -n 1 "$dir/dump"
                    exit 0
                fi
                now=$(date +%%s)
                sed "s/@NOW@/$((now - 3))/" "$dir/dump"
                """.formatted(dir), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private int calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    private void awaitCalls(DaemonProcess daemon, int count) throws Exception {
        daemon.awaitLog(l -> {
            try {
                return calls() >= count;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofSeconds(60), count + " cycles");
    }

    private static int threads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return (int) tasks.count();
        }
    }

    /** Children of {@code pid} in state Z, from /proc/PID/stat ({@code pid (comm) state ppid …}). */
    private static int zombieChildren(long pid) throws IOException {
        List<Path> stats = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> stats.add(p.resolve("stat")));
        }
        int zombies = 0;
        for (Path stat : stats) {
            String text;
            try {
                text = Files.readString(stat);
            } catch (IOException e) {
                continue; // gone meanwhile
            }
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            if (fields[0].equals("Z") && Long.parseLong(fields[1]) == pid) {
                zombies++;
            }
        }
        return zombies;
    }
}
