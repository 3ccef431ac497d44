package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.TestEnvironment;

/**
 * The daemon ({@code bin/wgtrack}) as systemd runs a {@code Type=notify} service, with
 * {@code NOTIFY_SOCKET} pointing at a Unix datagram socket this test owns (python3 holds it:
 * the JDK has none) and {@code WATCHDOG_USEC} set: READY=1 after the first cycle, WATCHDOG=1
 * after every cycle, RELOADING=1 then READY=1 on SIGHUP, no WATCHDOG=1 while a cycle hangs in
 * {@code wg}, and STOPPING=1 on SIGTERM. The JVM sends the datagrams itself (libc through
 * JNA), as the unit's main process. No root, no network.
 */
class DaemonNotifyIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    /**
     * Receives datagrams on argv[1] and appends each to argv[2] as one line (fields joined by
     * spaces), closing any file descriptors passed along, as systemd does (sd_notify_barrier(3)
     * waits for that); a BARRIER=1 message itself is not logged.
     */
    private static final String RECEIVER = """
            import array, os, socket, sys
            path, log = sys.argv[1], sys.argv[2]
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.bind(path)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
            with open(log, "a", buffering=1) as out, open(log + ".pids", "a", buffering=1) as pids:
                out.write("LISTENING\\n")
                while True:
                    data, ancillary, flags, _ = s.recvmsg(65536, socket.CMSG_SPACE(16 * 4) + socket.CMSG_SPACE(12))
                    sender = "?"
                    for level, kind, payload in ancillary:
                        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                            fds = array.array("i")
                            fds.frombytes(payload[:len(payload) - (len(payload) % fds.itemsize)])
                            for fd in fds:
                                os.close(fd)
                        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                            sender = str(array.array("i", payload[:12])[0])
                    text = data.decode("utf-8", "replace")
                    if text.strip() != "BARRIER=1":
                        pids.write(sender + "\\n")
                        out.write(" ".join(text.split("\\n")).strip() + "\\n")
            """;

    /** A wg whose {@code show all dump} logs each call and hangs while the file {@code hang} exists. */
    private static final String WG = """
            #!/bin/bash
            dir='%s'
            [ "$1 $2 $3" = "show all dump" ] || { echo "fake wg: unsupported: $*" >&2; exit 1; }
            if [ -e "$dir/hang" ]; then
                echo hang >> "$dir/dumps.log"
                exec sleep 60
            fi
            echo dump >> "$dir/dumps.log"
            now=$(date +%%s)
            printf 'wg0\\tyAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\\t%s\\t51820\\toff\\n'
            printf 'wg0\\t%s\\t(none)\\t127.0.0.2:51820\\t10.10.0.2/32\\t%%s\\t10\\t20\\toff\\n' "$((now - 3))"
            """;

    @TempDir
    Path dir;

    private Process receiver;

    @AfterEach
    void stopReceiver() throws InterruptedException {
        if (receiver != null) {
            receiver.destroy();
            if (!receiver.waitFor(5, TimeUnit.SECONDS)) {
                receiver.destroyForcibly();
            }
        }
    }

    private List<String> messages() throws IOException {
        Path log = dir.resolve("notify.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.equals("LISTENING")).toList() : List.of();
    }

    private long count(Predicate<String> which) throws IOException {
        return messages().stream().filter(which).count();
    }

    private static Predicate<String> starting(String assignment) {
        return m -> m.startsWith(assignment + " ") || m.equals(assignment);
    }

    private List<String> dumps() throws IOException {
        Path log = dir.resolve("dumps.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private void await(String what, Duration timeout, Check condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for " + what + "; messages: " + messages() + "; dumps: " + dumps());
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    @Test
    void tellsSystemdReadyWatchdogReloadAndStopButNothingWhileACycleHangs() throws Exception {
        TestEnvironment.require(TestEnvironment.installed("python3"), "python3 is needed to own the notify socket");
        Path socket = dir.resolve("notify.sock");
        receiver = new ProcessBuilder("python3", "-c", RECEIVER, socket.toString(), dir.resolve("notify.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("receiver.out").toFile()).start();
        await("the receiver to listen", Duration.ofSeconds(10),
                () -> Files.exists(dir.resolve("notify.log")) && Files.readString(dir.resolve("notify.log")).contains("LISTENING"));

        Path wg = dir.resolve("wg");
        Files.writeString(wg, WG.formatted(dir, HUB_KEY, KEY), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wg, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(dir.resolve("wgtrack.conf"), """
                [general]
                cycle_time = 0.3
                wg_command = %s
                wireguard_config_dir = %s

                [DEFAULT]
                ping_interval = 0
                """.formatted(wg, dir.resolve("no-wireguard-dir")));
        Map<String, String> systemd = Map.of(
                "NOTIFY_SOCKET", socket.toString(),
                "WATCHDOG_USEC", "3000000",
                "WGTRACK_JAVA_OPTS", "-Dwgtrack.wg-timeout-ms=3000");

        try (DaemonProcess daemon = DaemonProcess.start(dir, systemd, "-c", config.toString())) {
            await("READY=1", Duration.ofSeconds(20), () -> count(starting("READY=1")) > 0);
            assertThat(messages().get(0)).as("the first message, after the first cycle")
                    .matches("READY=1 WATCHDOG=1 STATUS=1 peers, 1 up, last cycle [0-9]+(\\.[0-9]{1,3})? s");
            assertThat(dumps()).as("wg calls before READY=1").isNotEmpty();
            assertThat(daemon.log()).contains("telling systemd how it is doing (NOTIFY_SOCKET), watchdog keep-alive at least every 1.5 s");

            // WATCHDOG=1 after every cycle: as many keep-alives as cycles (give or take the one running).
            await("10 cycles", Duration.ofSeconds(20), () -> dumps().size() >= 10);
            long cycles = dumps().size();
            long keepAlives = count(starting("WATCHDOG=1"));
            assertThat(keepAlives).as("WATCHDOG=1 messages (incl. the one with READY=1) after %d wg calls", cycles)
                    .isBetween(cycles - 2, cycles + 1);

            daemon.signal("HUP");
            await("RELOADING=1 then READY=1", Duration.ofSeconds(10), () -> {
                List<String> m = messages();
                int reloading = m.indexOf("RELOADING=1 STATUS=reloading the configuration");
                return reloading >= 0 && m.subList(reloading, m.size()).stream().anyMatch(starting("READY=1"));
            });

            // wg hangs: the cycle loop is stuck in a cycle and must not claim to be alive.
            Files.writeString(dir.resolve("hang"), "");
            await("wg to hang", Duration.ofSeconds(10), () -> dumps().contains("hang"));
            Thread.sleep(300);
            long beforeHang = count(starting("WATCHDOG=1"));
            Thread.sleep(2_000);
            assertThat(count(starting("WATCHDOG=1"))).as("WATCHDOG=1 while the cycle hung in wg").isEqualTo(beforeHang);

            Files.delete(dir.resolve("hang"));
            await("keep-alives again after wg's time-out", Duration.ofSeconds(10),
                    () -> count(starting("WATCHDOG=1")) > beforeHang);

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).as("exit status after SIGTERM; log:\n" + daemon.log()).isZero();
            assertThat(messages()).last().isEqualTo("STOPPING=1 STATUS=stopping");
            assertThat(Files.readAllLines(dir.resolve("notify.log.pids"))).as("sender of every message (NotifyAccess=main)")
                    .isNotEmpty().containsOnly(Long.toString(daemon.pid()));
            assertThat(daemon.log()).doesNotContain("could not tell systemd");
        }
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNothingChanges() throws Exception {
        Path wg = dir.resolve("wg");
        Files.writeString(wg, WG.formatted(dir, HUB_KEY, KEY), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wg, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(dir.resolve("wgtrack.conf"), """
                [general]
                cycle_time = 0.3
                wg_command = %s
                wireguard_config_dir = %s

                [DEFAULT]
                ping_interval = 0
                """.formatted(wg, dir.resolve("no-wireguard-dir")));
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of("NOTIFY_SOCKET", "", "WATCHDOG_USEC", "3000000"), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).isZero();
            assertThat(daemon.log()).doesNotContain("telling systemd", "NOTIFY_SOCKET");
        }
    }
}
