package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wgtrack.daemon.Signals;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.WgtrackConf;

/**
 * Signals right after the start ({@code systemctl reload} or stop just after {@code start}):
 * through {@code bin/wgtrack}, SIGTERM 0.1–0.5 s after the start exits 0 and SIGHUP leaves the
 * daemon running and writing its outputs. Before the handlers were installed first thing in
 * {@code main}, SIGTERM in that window exited 143 and SIGHUP killed the daemon (129).
 * Needs no root and no network.
 */
class DaemonSignalsIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    @TempDir
    Path dir;

    private Path start() throws Exception {
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "10.0.0.1:51820");
        wg.serve(FakeWg.row("wg0", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", HUB_KEY, 51820, "off")
                + FakeWg.row("wg0", KEY, "(none)", "10.0.0.1:51820", "10.10.0.2/32", "@NOW-3@", 1000, 2000, "off"));
        return WgtrackConf.write(dir, "0.2", wg.command(), """
                [DEFAULT]
                ping_interval = 0

                [output:json]
                filename = %s
                """.formatted(dir.resolve("status.json")));
    }

    @ParameterizedTest(name = "SIGTERM {0} ms after the start")
    @ValueSource(ints = {100, 200, 300, 500})
    void sigtermDuringStartUpExitsZero(int delayMillis) throws Exception {
        Path config = start();
        // A signal that lands before the JVM has reached wgtrack's main meets the JVM's own
        // handling: exit 143 and nothing logged. That window is the JVM's boot (40-60 ms here
        // when the machine is quiet, more under load), not wgtrack's start-up, so such an
        // attempt is made again; a daemon that got the signal and still exits 143 fails every time.
        for (int attempt = 1; ; attempt++) {
            try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
                Thread.sleep(delayMillis);
                daemon.signal("TERM");

                int status = daemon.awaitExit(Duration.ofSeconds(6));
                if (status == 143 && daemon.log().isBlank() && attempt < 5) {
                    continue;
                }
                assertThat(status).as("exit status; log:%n%s", daemon.log()).isZero();
                assertThat(daemon.log()).containsAnyOf("stopped before the first cycle", "wgtrack stopped");
                return;
            }
        }
    }

    @ParameterizedTest(name = "SIGHUP {0} ms after the start")
    @ValueSource(ints = {100, 200, 300, 500})
    void sighupDuringStartUpLeavesTheDaemonRunning(int delayMillis) throws Exception {
        Path config = start();
        Path status = dir.resolve("status.json");
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            Thread.sleep(delayMillis);
            daemon.signal("HUP");

            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            Await.atMost(Duration.ofSeconds(10)).until("status.json", () -> Files.exists(status));
            String first = Files.readString(status);
            Await.atMost(Duration.ofSeconds(10)).until("status.json rewritten by later cycles",
                    () -> !Files.readString(status).equals(first));
            assertThat(daemon.isAlive()).isTrue();

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(6))).isZero();
        }
    }
}
