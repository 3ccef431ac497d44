package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.WgtrackConf;
import org.wgtrack.wg.PublicKey;

/**
 * The real daemon ({@code bin/wgtrack}) against a scripted {@code wg} and a resolver under the
 * test's control ({@code jdk.net.hosts.file}): a peer's link fails, its hostname now points
 * elsewhere, and the daemon must walk the SPEC's states and issue exactly one {@code wg set}.
 * Needs no root and no network.
 */
class DaemonComponentIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";

    @TempDir
    Path dir;

    private Path writeSetup(String hostsLine) throws Exception {
        Files.createDirectories(dir.resolve("wireguard"));
        Files.writeString(dir.resolve("wireguard/wg0.conf"), """
                [Interface]
                ListenPort = 51820

                [Peer]
                # Name = alpha
                PublicKey = %s
                Endpoint = peer-a.test:51820
                AllowedIPs = 10.10.0.2/32
                """.formatted(KEY));
        Files.writeString(dir.resolve("hosts"), hostsLine + "\n");
        return dir.resolve("hosts");
    }

    private Path writeConfig(FakeWg wg, String extra) throws Exception {
        return WgtrackConf.write(dir, "0.3", wg.command(), """
                [DEFAULT]
                ping_interval = 0
                handshake_timeout = 180
                %s
                """.formatted(extra));
    }

    private static String dump(String handshake) {
        return FakeWg.row("wg0", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", HUB_KEY, 51820, "off")
                + FakeWg.row("wg0", KEY, "(none)", "@ENDPOINT@", "10.10.0.2/32", handshake, 1000, 2000, "off");
    }

    private Map<String, String> resolverOverride(Path hosts) {
        return Map.of("WGTRACK_JAVA_OPTS", "-Djdk.net.hosts.file=" + hosts);
    }

    @Test
    void lostLinkIsReResolvedOnceAndRecovers() throws Exception {
        Path hosts = writeSetup("10.0.0.2 peer-a.test");
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "10.0.0.1:51820");
        wg.serve(dump("@NOW-3@"));
        Path config = writeConfig(wg, "");
        try (DaemonProcess daemon = DaemonProcess.start(dir, resolverOverride(hosts), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");

            wg.serve(dump("@NOW-1000@"));
            daemon.awaitLog(l -> l.contains("down:waiting → down:checking"), Duration.ofSeconds(10), "checking to start");
            Await.atMost(Duration.ofSeconds(10)).until("the new endpoint to be set", () -> !wg.setCalls().isEmpty());
            wg.serve(dump("@NOW-1@"));
            daemon.awaitLog(l -> l.contains("down:checking → up:ok"), Duration.ofSeconds(10), "the peer to recover");

            assertThat(wg.setCalls()).containsExactly("set wg0 peer " + KEY + " endpoint 10.0.0.2:51820");
            assertThat(daemon.transitions("alpha")).containsExactly(
                    "undefined → up:ok", "up:ok → down:waiting", "down:waiting → down:checking", "down:checking → up:ok");
            assertThat(daemon.log()).contains("endpoint 10.0.0.1:51820 → 10.0.0.2:51820");
        }
    }

    @Test
    void brokenConfigOnReloadKeepsTheOldOneAndSigtermExitsZero() throws Exception {
        Path hosts = writeSetup("10.0.0.1 peer-a.test");
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "10.0.0.1:51820");
        wg.serve(dump("@NOW-3@"));
        Path config = writeConfig(wg, "");
        try (DaemonProcess daemon = DaemonProcess.start(dir, resolverOverride(hosts), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");

            Files.writeString(config, Files.readString(config).replace("cycle_time = 0.3", "cycle_time = fast"));
            daemon.signal("HUP");
            daemon.awaitLog(l -> l.contains("keeping the previous one"), Duration.ofSeconds(5), "the reload to be refused");
            assertThat(daemon.log()).contains("cycle_time").contains("fast");

            wg.failing(true);
            daemon.awaitLog(l -> l.contains("reading the live state failed"), Duration.ofSeconds(5), "the failing dump to be reported");
            wg.failing(false);
            daemon.awaitLog(l -> l.contains("reading the live state works again"), Duration.ofSeconds(5), "recovery");
            assertThat(daemon.isAlive()).isTrue();

            long start = System.nanoTime();
            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(5))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
