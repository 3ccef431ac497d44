package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.TestKeys;
import org.wgtrack.testing.WgtrackConf;

/**
 * A hub's uplink fails: 1,000 peers go down in one cycle of {@code bin/wgtrack}. The cycle that
 * sees it ends on time, one webhook POST carries all 1,000 events, and an exec hook whose
 * program is slow never runs more than its concurrency at once.
 */
class HookLoadIT {

    private static final int PEERS = 1_000;

    @TempDir
    Path dir;

    @Test
    void aThousandPeersDownAtOnceAreOnePostAndABoundedNumberOfPrograms() throws Exception {
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            batchSizes.add(JSON.std.listFrom(body).size());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Path running = Files.createDirectories(dir.resolve("running"));
        Path most = dir.resolve("most");
        Path script = dir.resolve("slow-hook");
        // Each run leaves a file while it runs; the largest count seen is kept.
        Files.writeString(script, """
                #!/bin/sh
                touch '%1$s/'$$
                n=$(ls '%1$s' | wc -l)
                echo "$n" >> '%2$s'
                sleep 0.2
                rm -f '%1$s/'$$
                """.formatted(running, most));
        script.toFile().setExecutable(true);
        try {
            FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.1:51820");
            StringBuilder up = new StringBuilder(FakeWg.row("wg0", TestKeys.numbered(0).base64(), TestKeys.numbered(1).base64(), 51820, "off"));
            StringBuilder down = new StringBuilder(up);
            for (int i = 0; i < PEERS; i++) {
                String key = TestKeys.numbered(10 + i).base64();
                String address = "10.1." + (i / 250) + "." + (i % 250 + 1) + "/32";
                up.append(FakeWg.row("wg0", key, "(none)", "192.0.2.1:51820", address, "@NOW-3@", 10, 20, "off"));
                down.append(FakeWg.row("wg0", key, "(none)", "192.0.2.1:51820", address, "@NOW-1000@", 10, 20, "off"));
            }
            wg.serve(up.toString());
            Path config = WgtrackConf.write(dir, "1", wg.command(), """
                    [DEFAULT]
                    ping_interval = 0
                    handshake_timeout = 60

                    [hook:incidents]
                    url = http://127.0.0.1:%d/

                    [hook:slow]
                    command = %s
                    on = down
                    concurrency = 3
                    """.formatted(server.getAddress().getPort(), script));

            try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
                daemon.awaitLog(l -> l.lines().filter(x -> x.contains("undefined → up:ok")).count() == PEERS, Duration.ofSeconds(30),
                        "every peer up");
                wg.serve(down.toString());
                Await.atMost(Duration.ofSeconds(20)).until("the post with every down", () -> batchSizes.contains(PEERS));
                Await.atMost(Duration.ofSeconds(30)).until("some slow programs to have run",
                        () -> Files.exists(most) && Files.readAllLines(most).size() >= 30);

                assertThat(batchSizes).containsExactly(PEERS);
                int mostAtOnce = Files.readAllLines(most).stream().mapToInt(Integer::parseInt).max().orElseThrow();
                assertThat(mostAtOnce).as("programs of the slow hook at once").isBetween(1, 3);
                assertThat(daemon.log()).doesNotContain("longer than cycle_time");
            }
        } finally {
            server.stop(0);
        }
    }
}
