package org.wgtrack.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wgtrack.events.Event;
import org.wgtrack.events.EventDeriver;
import org.wgtrack.events.EventJson;
import org.wgtrack.log.LogLevel;
import org.wgtrack.testing.Golden;
import org.wgtrack.testing.LogCapture;
import org.wgtrack.testing.TestKeys;

class PrometheusOutputTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** A fixed build, so the golden files do not change with every commit. */
    static final BuildInfo BUILD = new BuildInfo("0.1.0", "0123456789ab", "17.0.13+11-Debian-2deb12u1");

    private PrometheusOutput output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0), BUILD);
    @RegisterExtension
    final LogCapture logged = LogCapture.at(LogLevel.INFO);

    @AfterEach
    void close() {
        output.close();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + output.boundPort().orElseThrow() + path)).timeout(Duration.ofSeconds(5));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryMetricOfTheSnapshot() throws Exception {
        output.write(TestSnapshots.threePeers());
        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo(Golden.expected("output/metrics-three-peers.golden.txt", response.body()));
    }

    @ParameterizedTest
    @CsvSource({"false, metrics-awkward.golden.txt", "true, metrics-awkward.golden.openmetrics.txt"})
    void escapesAwkwardTextInLabelsAndWritesHugeCountersAndOddDurations(boolean openMetrics, String golden) throws IOException {
        assertThat(MetricsExposition.of(TestSnapshots.awkward(), BUILD).skipped()).isEmpty();
        String actual = exposition(TestSnapshots.awkward(), openMetrics) + exposition(TestSnapshots.awkwardError(), openMetrics);
        assertThat(actual).isEqualTo(Golden.expected("output/" + golden, actual));
    }

    private static String exposition(Snapshot snapshot, boolean openMetrics) throws IOException {
        StringWriter out = new StringWriter();
        MetricsExposition.of(snapshot, BUILD).write(out, openMetrics);
        return out.toString();
    }

    @Test
    void servesOpenMetricsWhenAskedFor() throws Exception {
        output.write(TestSnapshots.threePeers());
        HttpResponse<String> response = get("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
        assertThat(response.body()).contains("# TYPE wireguard_peer_receive_bytes counter\n")
                .contains("# TYPE wgtrack_peer info\n").endsWith("# EOF\n");
    }

    @Test
    void peerThatIsGoneDisappears() throws Exception {
        output.write(TestSnapshots.threePeers());
        String gone = TestKeys.repeating(2).base64();
        assertThat(get("/metrics", null).body()).contains(gone);
        output.write(new Snapshot(TestSnapshots.TAKEN_AT.plusSeconds(30), Optional.empty(),
                List.of(TestSnapshots.up()), Optional.empty(), Map.of()));
        assertThat(get("/metrics", null).body()).doesNotContain(gone).contains(TestKeys.repeating(1).base64());
    }

    @Test
    void failedLiveStateReadLeavesOnlyDaemonMetrics() throws Exception {
        output.write(TestSnapshots.threePeers());
        output.write(TestSnapshots.liveStateFailed());
        String body = get("/metrics", null).body();
        assertThat(body).doesNotContain("wireguard_peer_", "wgtrack_peer_", "wgtrack_peers{")
                .contains("wgtrack_live_state_read_success 0.0\n");
    }

    @Test
    void servesTheStatusDocument() throws Exception {
        output.write(TestSnapshots.threePeers());
        HttpResponse<String> response = get("/status", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(StatusDocument.parse(response.body())).isEqualTo(TestSnapshots.threePeers());
        assertThat(get("/nothing", null).statusCode()).isEqualTo(404);
        assertThat(get("/-/healthy", null).statusCode()).isEqualTo(200);
    }

    @Test
    void takenPortFailsTheWriteAndIsRetriedOnTheNext() throws Exception {
        int port;
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = squatter.getLocalPort();
            output = new PrometheusOutput(new PrometheusSpec("prom-lan", "127.0.0.1", port));
            assertThatThrownBy(() -> output.write(TestSnapshots.threePeers())).isInstanceOf(IOException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + port + ": Address already in use");
            assertThat(output.boundPort()).isEmpty();
        }
        output.write(TestSnapshots.threePeers());
        assertThat(output.boundPort()).hasValue(port);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void closedServerFreesItsPortForAnImmediateRebind() throws Exception {
        output.write(TestSnapshots.threePeers());
        int port = output.boundPort().orElseThrow();
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
        output.close();
        output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", port));
        output.write(TestSnapshots.threePeers());
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void closedOutputStaysClosed() throws Exception {
        output.close();
        output.write(TestSnapshots.threePeers());
        assertThat(output.boundPort()).isEmpty();
    }
    @Test
    void peerWithTheLabelsOfAnotherIsLeftOutWithAWarningAndTheScrapeSucceeds() throws Exception {
        PeerSnapshot twin = TestSnapshots.up();
        output.write(new Snapshot(TestSnapshots.TAKEN_AT, Optional.empty(), List.of(TestSnapshots.up(), twin, TestSnapshots.neverSeen()),
                Optional.empty(), Map.of()));
        HttpResponse<String> response = get("/metrics", null);
        get("/metrics", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().lines().filter(l -> l.startsWith("wgtrack_peer_up{"))).hasSize(2);
        assertThat(response.body()).contains("wgtrack_peers{interface=\"wg0\",state=\"up:ok\"} 1.0\n");
        assertThat(logged.lines()).singleElement().asString().endsWith(
                "output prometheus: 1 peer(s) left out of /metrics because another peer has the same labels, e.g. wg0 peer "
                        + TestKeys.repeating(1).base64() + " (expected one peer per interface and public key)");
    }

    @Test
    void gzipAndHeadAndNoSnapshotYet() throws Exception {
        output.write(TestSnapshots.threePeers());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + output.boundPort().orElseThrow() + "/metrics"))
                .header("Accept-Encoding", "gzip").timeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> zipped = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(get("/metrics", null).body());

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(request.uri()).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    /** Scrapes at once while cycles replace the snapshot: every one answers 200 with one whole snapshot. */
    @Test
    void concurrentScrapesDuringSnapshotSwapsAllSucceedWithACompleteSnapshot() throws Exception {
        output.write(RandomSnapshots.snapshot(1));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread cycles = new Thread(() -> {
            long seed = 0;
            while (running.get()) {
                try {
                    output.write(RandomSnapshots.snapshot(seed++));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        cycles.start();
        try {
            List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                scrapes.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + output.boundPort().orElseThrow()
                        + "/metrics")).header("Accept", i % 2 == 0 ? "application/openmetrics-text" : "*/*")
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < scrapes.size(); i++) {
                HttpResponse<String> response = scrapes.get(i).get();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("wgtrack_resolutions_total{result=\"failed\"}");
                if (i % 2 == 0) {
                    assertThat(response.body()).endsWith("# EOF\n");
                }
            }
        } finally {
            running.set(false);
            cycles.join();
        }
    }

    @Test
    void basicAuthAnswers401AndABrokenWebConfigKeepsThePreviousOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path web = dir.resolve("web.yml");
        java.nio.file.Files.writeString(web, "basic_auth_users:\n  prometheus: " + WebConfigReaderTest.HASH
                + "\nhttp_server_config:\n  headers:\n    X-Frame-Options: deny\n");
        output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0, Optional.of(web)));
        output.write(TestSnapshots.threePeers());
        String authorized = "Basic " + java.util.Base64.getEncoder().encodeToString("prometheus:secret".getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create("http://127.0.0.1:" + output.boundPort().orElseThrow() + "/metrics");
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.headers().firstValue("WWW-Authenticate")).contains("Basic");
        assertThat(denied.headers().firstValue("X-Frame-Options")).contains("deny");
        assertThat(denied.body()).doesNotContain("wgtrack_peer_up");
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", authorized).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        java.nio.file.Files.writeString(web, "basic_auth_users: [broken\n");
        output.write(TestSnapshots.threePeers()); // the change is noticed at the next write
        assertThat(logged.text()).contains("<3>output prometheus: web config not reloaded,"
                + " the listener keeps the previous one:\n    " + web + ":");
        assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", authorized).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        java.nio.file.Files.writeString(web, "");
        output.reload(); // SIGHUP
        assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(logged.text()).contains("<6>output prometheus: web config " + web + " reloaded\n");
    }

    @Test
    void eventsServesTheRecentEventsOldestFirst() throws Exception {
        output = new PrometheusOutput(new PrometheusSpec("prometheus", "127.0.0.1", 0));
        Event failed = EventDeriver.liveState(Instant.parse("2026-12-03T03:00:00Z"),
                false, "wg show all dump failed with exit status 1");
        Event back = EventDeriver.liveState(Instant.parse("2026-12-03T03:00:30Z"),
                true, "reading the live state works again");
        output.write(TestSnapshots.threePeers().withEvents(List.of(back), List.of(failed, back)));
        URI uri = URI.create("http://127.0.0.1:" + output.boundPort().orElseThrow() + "/events");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("[\n" + EventJson.of(failed) + ",\n"
                + EventJson.of(back) + "\n]\n");
    }

    @Test
    void hookCountsAreACounterPerHookAndResultAndAbsentWithoutHooks() throws Exception {
        Snapshot withHooks = TestSnapshots.threePeers().withHookEvents(Map.of(
                "mail", Map.of("sent", 3L, "failed", 1L, "dropped", 0L), "ntfy \"phone\"", Map.of("sent", 4L)));
        assertThat(exposition(withHooks, false)).contains("# HELP wgtrack_hook_events_total Events handed to each hook since start or"
                + " reload, by result\n# TYPE wgtrack_hook_events_total counter\n"
                + "wgtrack_hook_events_total{hook=\"mail\",result=\"dropped\"} 0.0\n"
                + "wgtrack_hook_events_total{hook=\"mail\",result=\"failed\"} 1.0\n"
                + "wgtrack_hook_events_total{hook=\"mail\",result=\"sent\"} 3.0\n"
                + "wgtrack_hook_events_total{hook=\"ntfy \\\"phone\\\"\",result=\"sent\"} 4.0\n");
        assertThat(exposition(withHooks, true)).contains("# TYPE wgtrack_hook_events counter\n");
        assertThat(exposition(TestSnapshots.threePeers(), false)).doesNotContain("wgtrack_hook_events");
    }
}
