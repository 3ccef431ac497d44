package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;

/**
 * {@code bin/wgtrack} with a PATH that holds a scripted {@code wg} and the few tools the
 * launcher needs, but neither fping nor ping: one clear error at start and on each reload,
 * peers with a fresh handshake judged up by their handshake alone (no ping round trip in the
 * outputs), and a ping program installed later is picked up by SIGHUP. Before, every such
 * peer went down ("2 pings failed") and nothing said pinging was impossible.
 * Needs no root and no network.
 */
class DaemonNoPingProgramIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String HUB_KEY = "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=";
    private static final String ERROR = "no ping program (install fping or iputils-ping): neither fping nor ping can be run";
    /** What bin/wgtrack and the scripted wg run, found on the test's own PATH. */
    private static final List<String> TOOLS = List.of("java", "sh", "bash", "readlink", "dirname", "date", "cat", "printf");
    private static final Pattern PING_RTT = Pattern.compile("\"ping_rtt_ms\" : ([^,\\n]+)");

    @TempDir
    Path dir;

    @Test
    void peersAreJudgedByHandshakeAloneAndAReloadFindsAPingInstalledMeanwhile() throws Exception {
        FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "10.0.0.1:51820");
        wg.serve(FakeWg.row("wg0", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=", HUB_KEY, 51820, "off")
                + FakeWg.row("wg0", KEY, "(none)", "10.0.0.1:51820", "10.10.0.2/32", "@NOW-3@", 1000, 2000, "off"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("wg"), wg.command());
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Files.createDirectories(dir.resolve("wireguard"));
        Path status = dir.resolve("status.json");
        Path config = dir.resolve("wgtrack.conf");
        Files.writeString(config, """
                [general]
                cycle_time = 0.2
                wg_command = wg
                wireguard_config_dir = %s

                [DEFAULT]
                ping_interval = 1
                ping_timeout = 0.2

                [output:json]
                filename = %s
                """.formatted(dir.resolve("wireguard"), status));

        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of("PATH", bin.toString()), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
            Thread.sleep(1000);
            assertThat(count(daemon.log(), ERROR)).isEqualTo(1);
            assertThat(daemon.log()).contains("starting: config " + config + ", cycle_time 0.2 s, no ping program (install fping or iputils-ping)")
                    .doesNotContain("→ down").doesNotContain("not pinging");
            assertThat(Files.readString(status)).contains("\"state\" : \"up:ok\"");
            assertThat(pingRtt(status)).isEqualTo("null");

            daemon.signal("HUP");
            daemon.awaitLog(l -> count(l, ERROR) == 2, Duration.ofSeconds(10), "the error again on reload");

            installFakePing(bin);
            daemon.signal("HUP");
            daemon.awaitLog(l -> l.contains("now pinging with ping from fake-iputils 1 (fping not installed)"),
                    Duration.ofSeconds(10), "the ping program to be found");
            Await.atMost(Duration.ofSeconds(10)).until("a ping round trip in the status", () -> !pingRtt(status).equals("null"));
            assertThat(pingRtt(status)).isEqualTo("0.042");
            assertThat(count(daemon.log(), ERROR)).isEqualTo(2);
            assertThat(daemon.log()).doesNotContain("→ down");

            daemon.signal("TERM");
            assertThat(daemon.awaitExit(Duration.ofSeconds(6))).isZero();
        }
    }

    private static String pingRtt(Path status) throws Exception {
        Matcher m = PING_RTT.matcher(Files.exists(status) ? Files.readString(status) : "");
        return m.find() ? m.group(1).strip() : "absent";
    }

    private static void installFakePing(Path bin) throws Exception {
        Path ping = bin.resolve("ping.new");
        Files.writeString(ping, """
                #!/bin/sh
                if [ "$1" = "-V" ]; then echo "ping from fake-iputils 1"; exit 0; fi
                for target; do :; done
                echo "64 bytes from $target: icmp_seq=1 ttl=64 time=0.042 ms"
                exit 0
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(ping, bin.resolve("ping"));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    private static Path which(String tool) {
        for (String entry : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(entry, tool);
            if (!entry.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new AssertionError(tool + " not found on PATH " + System.getenv("PATH"));
    }
}
