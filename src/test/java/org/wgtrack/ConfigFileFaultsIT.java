package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.WgtrackConf;

/**
 * The real daemon ({@code bin/wgtrack}, a scripted {@code wg}) when the files people edit go
 * wrong under it: the config deleted before a SIGHUP, a FIFO where a wg-quick file belongs, and
 * an interpolation bomb.
 * Outputs must keep coming on time and the log must say once what is wrong. Needs no root.
 */
class ConfigFileFaultsIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    @TempDir
    Path dir;

    private Path influx() {
        return dir.resolve("influx.out");
    }

    private FakeWg wg() throws IOException {
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "10.0.0.1:51820");
        wg.serve(FakeWg.row("wg0", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", HUB_KEY, 51820, "off")
                + FakeWg.row("wg0", KEY, "(none)", "@ENDPOINT@", "10.10.0.2/32", "@NOW-3@", 1000, 2000, "off"));
        return wg;
    }

    private Path writeConfig(FakeWg wg, String cycleTime) throws IOException {
        return WgtrackConf.write(dir, cycleTime, wg.command(), """
                [DEFAULT]
                ping_interval = 0

                [output:influx]
                type = influx
                filename = %s
                """.formatted(influx()));
    }

    /** When the output file was rewritten, sampled every 20 ms for the given time. */
    private List<Long> rewritesDuring(Duration window) throws Exception {
        List<Long> rewrites = new ArrayList<>();
        FileTime last = null;
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            FileTime modified = Files.exists(influx()) ? Files.getLastModifiedTime(influx()) : null;
            if (modified != null && !modified.equals(last)) {
                rewrites.add(System.nanoTime());
                last = modified;
            }
            Thread.sleep(20);
        }
        return rewrites;
    }

    private static Duration longestGap(List<Long> rewrites, Duration window) {
        long longest = 0;
        for (int i = 1; i < rewrites.size(); i++) {
            longest = Math.max(longest, rewrites.get(i) - rewrites.get(i - 1));
        }
        return rewrites.size() < 2 ? window : Duration.ofNanos(longest);
    }

    private static long count(String log, String text) {
        return log.lines().filter(l -> l.contains(text)).count();
    }

    @Test
    void configDeletedBeforeSighupKeepsTheRunningConfigAndItsOutputs() throws Exception {
        FakeWg wg = wg();
        Path config = writeConfig(wg, "0.3");
        String text = Files.readString(config);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");

            Files.delete(config);
            daemon.signal("HUP");
            daemon.awaitLog(l -> l.contains("configuration not reloaded"), Duration.ofSeconds(5), "the reload to be refused");
            List<Long> rewrites = rewritesDuring(Duration.ofSeconds(2));
            assertThat(rewrites.size()).as("influx rewrites in 2 s of 0.3 s cycles").isGreaterThanOrEqualTo(4);
            assertThat(longestGap(rewrites, Duration.ofSeconds(2))).isLessThan(Duration.ofSeconds(1));
            String log = daemon.log();
            assertThat(log).contains("configuration not reloaded, keeping the previous one:\n    " + config + ": no such file");
            assertThat(count(log, "configuration not reloaded")).isEqualTo(1);
            assertThat(count(log, " ERROR ")).as("errors in:\n%s", log).isEqualTo(1);

            Files.writeString(config, text.replace("cycle_time = 0.3", "cycle_time = 0.4"));
            daemon.signal("HUP");
            daemon.awaitLog(l -> l.contains("configuration reloaded"), Duration.ofSeconds(5), "the restored file to be read");
            assertThat(rewritesDuring(Duration.ofSeconds(1)).size()).isGreaterThanOrEqualTo(2);
            assertThat(daemon.isAlive()).isTrue();
        }
    }

    @Test
    void fifoAsWgQuickFileDoesNotDelayACycle() throws Exception {
        FakeWg wg = wg();
        Path config = writeConfig(wg, "0.5");
        Path fifo = dir.resolve("wireguard/wg0.conf");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            List<Long> rewrites = rewritesDuring(Duration.ofSeconds(3));
            assertThat(rewrites.size()).as("influx rewrites in 3 s of 0.5 s cycles").isGreaterThanOrEqualTo(5);
            assertThat(longestGap(rewrites, Duration.ofSeconds(3))).isLessThan(Duration.ofMillis(1000));

            daemon.signal("HUP"); // a reload reads the file again: still no wait
            daemon.awaitLog(l -> l.contains("configuration reloaded"), Duration.ofSeconds(5), "the reload");
            List<Long> afterReload = rewritesDuring(Duration.ofSeconds(2));
            assertThat(afterReload.size()).isGreaterThanOrEqualTo(3);
            assertThat(longestGap(afterReload, Duration.ofSeconds(2))).isLessThan(Duration.ofMillis(1000));

            String log = daemon.log();
            String error = fifo + ": not a regular file (a FIFO); tracking wg0's live state without configured endpoints";
            assertThat(count(log, error)).as("the FIFO reported once per read in:\n%s", log).isEqualTo(2);
        }
    }

    @Test
    void interpolationBombIsRefusedWithExitTwoInsteadOfExhaustingTheHeap() throws Exception {
        // eight levels, each twice the one below, in a key wgtrack reads: 2^8 copies of a 1 KiB
        // value, far beyond the 64 KiB a value may expand to (ten levels killed the JVM before)
        StringBuilder bomb = new StringBuilder("[general]\nx0 = " + "a".repeat(1024) + "\n");
        for (int level = 1; level <= 8; level++) {
            bomb.append("x").append(level).append(" = %(x").append(level - 1).append(")s%(x").append(level - 1).append(")s\n");
        }
        bomb.append("wg_command = %(x8)s\n");
        Path config = dir.resolve("bomb.conf");
        Files.writeString(config, bomb);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of("WGTRACK_JAVA_OPTS", "-Xmx64m"), "-c", config.toString())) {
            assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
            assertThat(daemon.log()).contains(config + ":").contains("value too long after interpolation")
                    .doesNotContain("OutOfMemoryError");
        }
    }
}
