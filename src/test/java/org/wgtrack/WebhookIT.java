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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.WgtrackConf;

/**
 * Webhooks of the real daemon ({@code bin/wgtrack}) against a real HTTP server the test runs on
 * 127.0.0.1: a JSON webhook gets one POST per cycle with the cycle's events, a text webhook one
 * short message per event with the header from a header file, and a receiver that answers 500
 * twice gets the event on the third attempt.
 */
class WebhookIT {

    private static final String KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String PRIVATE = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    @TempDir
    Path dir;

    @Test
    void downAndUpReachJsonAndTextReceiversWithRetries() throws Exception {
        List<String> requests = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger flakyCalls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(path + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            int status = path.equals("/flaky") && flakyCalls.incrementAndGet() <= 2 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path headers = Files.writeString(dir.resolve("ntfy.headers"), "Authorization: Bearer tk_test\n");
            FakeWg wg = new FakeWg(dir.resolve("fake-wg"), "192.0.2.1:51820");
            String hub = FakeWg.row("wg0", PRIVATE, "HIgo9xNzJMWLKASShiTqIybxZ0U3wGLiUeJ1PKf8ykw=", 51820, "off");
            wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-3@", 10, 20, "off"));
            Path config = WgtrackConf.write(dir, "0.3", wg.command(), """
                    [DEFAULT]
                    ping_interval = 0
                    handshake_timeout = 60

                    [peer:wg0:%s]
                    name = berlin

                    [hook:json]
                    url = %s/json

                    [hook:ntfy]
                    url = %s/ntfy
                    format = text
                    header_file = %s

                    [hook:flaky]
                    url = %s/flaky
                    on = down
                    """.formatted(KEY, base, base, headers, base));

            try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
                daemon.awaitLog(l -> l.contains("undefined → up:ok"), Duration.ofSeconds(20), "the peer to come up");
                wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-1000@", 10, 20, "off"));
                daemon.awaitLog(l -> l.contains("up:ok → down"), Duration.ofSeconds(10), "the peer to go down");
                Thread.sleep(1_100);
                wg.serve(hub + FakeWg.row("wg0", KEY, "(none)", "192.0.2.1:51820", "10.0.0.2/32", "@NOW-2@", 10, 20, "off"));
                Await.atMost(Duration.ofSeconds(15)).describing(() -> "; requests: " + requests + "; log:\n" + daemon.log())
                        .until("every receiver to have its events", () -> requests.stream().filter(r -> r.startsWith("/json")).count() == 2
                                && requests.stream().filter(r -> r.startsWith("/ntfy")).count() == 2 && flakyCalls.get() == 3);

                List<String> json = requests.stream().filter(r -> r.startsWith("/json ")).toList();
                assertThat(json.get(0)).startsWith("/json application/json null [");
                List<Object> first = JSON.std.listFrom(json.get(0).substring(json.get(0).indexOf('[')));
                assertThat(first).hasSize(1);
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) first.get(0);
                assertThat(event).containsEntry("event", "down").containsEntry("name", "berlin").containsEntry("peer", KEY);
                assertThat(requests.stream().filter(r -> r.startsWith("/ntfy ")).toList()).satisfiesExactly(
                        down -> assertThat(down).startsWith("/ntfy text/plain; charset=utf-8 Bearer tk_test wg0 berlin is down (handshake failed"),
                        up -> assertThat(up).matches("/ntfy text/plain; charset=utf-8 Bearer tk_test wg0 berlin is up again after [0-9]+ s \\(handshake ok.*"));
                assertThat(requests.stream().filter(r -> r.startsWith("/flaky ")).toList()).hasSize(3)
                        .allMatch(r -> r.contains("\"event\":\"down\""));
                assertThat(daemon.log()).doesNotContain("tk_test").doesNotContain("longer than cycle_time");
            }
        } finally {
            server.stop(0);
        }
    }
}
