package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.WgtrackConf;

/**
 * A real program as an exec hook of the real daemon ({@code bin/wgtrack}): a peer whose
 * handshake goes stale and comes back yields exactly one {@code down} and one {@code up} (with
 * the outage's length), each with the event in the environment and as JSON on stdin; a second
 * hook that hangs is killed at its timeout and never delays a cycle.
 */
class ExecHookIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String PRIVATE = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    @TempDir
    Path dir;

    @Test
    void aStaleThenFreshHandshakeReachesTheProgramAsOneDownAndOneUp() throws Exception {
        Path received = dir.resolve("received");
        Path script = dir.resolve("record-event");
        Files.writeString(script, """
                #!/bin/sh
                # one line of environment, one line of stdin per event
                echo "$WGTRACK_EVENT|$WGTRACK_INTERFACE|$WGTRACK_NAME|$WGTRACK_OLD_STATE|$WGTRACK_NEW_STATE|$WGTRACK_DOWN_SECONDS|$WGTRACK_REASON" >> '%s'
                cat >> '%s'
                """.formatted(received, received));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.1:51820");
        String hub = FakeWg.row("wg0", PRIVATE, "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=", 51820, "off");
        wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-3@", 10, 20, "off"));
        Path config = WgtrackConf.write(dir, "0.3", wg.command(), """
                [DEFAULT]
                ping_interval = 0
                handshake_timeout = 60

                [peer:wg0:%s]
                name = berlin

                [hook:record]
                command = %s

                [hook:hangs]
                command = /bin/sleep 30
                timeout = 0.5
                """.formatted(KEY, script));

        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-1000@", 10, 20, "off"));
            daemon.awaitLog(l -> l.contains("up:ok → down"), Duration.ofSeconds(10), "the peer to go down");
            Thread.sleep(1_200);
            wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-2@", 10, 20, "off"));
            daemon.awaitLog(log -> log.lines().anyMatch(l -> l.contains("→ up:ok") && !l.contains("undefined")), Duration.ofSeconds(10),
                    "the peer to come back");
            Await.atMost(Duration.ofSeconds(10)).until("both events recorded",
                    () -> Files.exists(received) && Files.readAllLines(received).size() >= 4);
            daemon.awaitLog(l -> l.contains("hook hangs: down wg0 berlin"), Duration.ofSeconds(10), "the hanging hook to be reported");

            List<String> lines = Files.readAllLines(received);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).startsWith("down|wg0|berlin|up:ok|down");
            assertThat(lines.get(2)).matches("up\\|wg0\\|berlin\\|down[a-z:]*\\|up:ok\\|[1-9][0-9]*\\|handshake ok.*");
            Map<String, Object> down = JSON.std.mapFrom(lines.get(1));
            assertThat(down).containsEntry("event", "down").containsEntry("peer", KEY).containsEntry("name", "berlin")
                    .containsEntry("old_state", "up:ok").containsEntry("startup", false);
            Map<String, Object> up = JSON.std.mapFrom(lines.get(3));
            assertThat(up).containsEntry("event", "up").containsEntry("new_state", "up:ok");
            assertThat(((Number) up.get("down_seconds")).longValue()).isPositive();

            String log = daemon.log();
            assertThat(log).contains("hook hangs: down wg0 berlin (" + KEY.substring(0, 8) + "…): no end within 500 ms, killed")
                    .doesNotContain("longer than cycle_time").doesNotContain(PRIVATE.substring(0, 16));
        }
    }
}
