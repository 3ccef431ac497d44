package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wgtrack.testing.Await;
import org.wgtrack.testing.TestKeys;

/**
 * /metrics of the real daemon never fails because of the data: a duplicate peer line in the dump
 * (which made every scrape answer HTTP 500) leaves one series per peer that the influx file and
 * the JSON document agree with, and scrapes at once and in a row all succeed while every cycle
 * reads another dump, with peers coming and going and mangled lines mixed in.
 */
class MetricsScrapeIT {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private void serve(byte[] dump) throws IOException {
        Path next = dir.resolve("dump.next");
        Files.write(next, dump);
        Files.move(next, dir.resolve("dump"), StandardCopyOption.ATOMIC_MOVE);
    }

    private HttpResponse<String> scrape(int port) throws Exception {
        return http.send(request(port), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build();
    }

    /** The first cycle's outputs bind the port after its transitions are logged. */
    private void awaitServer(int port) throws Exception {
        Await.atMost(Duration.ofSeconds(10)).until("/metrics to accept connections", () -> {
            try {
                scrape(port);
                return true;
            } catch (java.net.ConnectException e) {
                return false;
            }
        });
    }

    private static List<String> series(String body, String metric) {
        return body.lines().filter(l -> l.startsWith(metric + "{")).toList();
    }

    private int cycles() throws IOException {
        Path cycles = dir.resolve("cycles");
        return Files.exists(cycles) ? (int) Files.size(cycles) : 0;
    }

    @Test
    void duplicatePeerLineLeavesOneSeriesPerPeerThatEveryOutputAgreesWith() throws Exception {
        Random random = new Random(7);
        String key = TestKeys.randomBase64(random);
        String other = TestKeys.randomBase64(random);
        long now = System.currentTimeMillis() / 1000;
        String dump = String.join("\n",
                "wg0\t" + TestKeys.randomBase64(random) + "\t" + TestKeys.randomBase64(random) + "\t51820\toff",
                "wg0\t" + key + "\t(none)\t192.0.2.1:51820\t10.0.0.2/32\t" + now + "\t10\t20\toff",
                "wg0\t" + other + "\t(none)\t192.0.2.2:51820\t10.0.0.3/32\t" + now + "\t30\t40\t25",
                "wg0\t" + key + "\t(none)\t192.0.2.9:51820\t10.0.0.9/32\t" + now + "\t50\t60\toff") + "\n";
        serve(dump.getBytes(StandardCharsets.UTF_8));
        int port = LargeHubIT.freePort();
        Path config = LargeHubIT.config(dir, LargeHubIT.fakeWg(dir), 0.3, port);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("second line for peer"), Duration.ofSeconds(20), "the duplicate line to be reported");
            int seen = cycles();
            while (cycles() < seen + 2) {
                Thread.sleep(50);
            }

            HttpResponse<String> response = scrape(port);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(series(response.body(), "wgtrack_peer_up")).hasSize(2);
            assertThat(series(response.body(), "wgtrack_peer_info")).filteredOn(l -> l.contains(key)).singleElement()
                    .asString().contains("endpoint=\"192.0.2.1:51820\"");
            List<String> influx;
            try (Stream<String> lines = Files.lines(dir.resolve("influx.out"))) {
                influx = lines.filter(l -> l.contains(",peer=")).toList();
            }
            assertThat(influx).hasSize(2);
            // Influx escapes the key's '=' in a tag value.
            assertThat(influx).filteredOn(l -> l.contains(key.substring(0, 43))).singleElement().asString().contains("192.0.2.1:51820");
            String json = Files.readString(dir.resolve("status.json"));
            assertThat(json.lines().filter(l -> l.contains("\"public_key\""))).hasSize(2);
            assertThat(daemon.log()).contains("wg show all dump:4: second line for peer " + key.substring(0, 8)
                    + "… of wg0 (expected one line per peer; the first one is used)");
        }
    }

    @Test
    void everyScrapeSucceedsWhileTheDumpChangesEveryCycle() throws Exception {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(TestKeys.randomBase64(random));
        }
        String header = "wg0\t" + TestKeys.randomBase64(random) + "\t" + TestKeys.randomBase64(random) + "\t51820\toff\n";
        serve(churned(random, header, keys));
        int port = LargeHubIT.freePort();
        Path config = LargeHubIT.config(dir, LargeHubIT.fakeWg(dir), 0.2, port);
        try (DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), "-c", config.toString())) {
            daemon.awaitLog(l -> l.contains("→ up:ok"), Duration.ofSeconds(20), "the first peers to come up");
            awaitServer(port);
            AtomicBoolean churning = new AtomicBoolean(true);
            AtomicInteger dumps = new AtomicInteger();
            Thread churn = new Thread(() -> {
                Random r = new Random(43);
                while (churning.get()) {
                    try {
                        serve(churned(r, header, keys));
                        dumps.incrementAndGet();
                        Thread.sleep(150);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            churn.start();
            int cyclesBefore = cycles();
            int answered = 0;
            int batches = 0;
            List<String> failures = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try {
                // Ten scrapes at once, then the next ten: 300 at least, and on until more than ten
                // cycles have passed (a fast machine answers 300 within fewer).
                while (batches < 30 || (cycles() - cyclesBefore <= 10 && System.nanoTime() < deadline)) {
                    batches++;
                    List<CompletableFuture<HttpResponse<String>>> scrapes = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        scrapes.add(http.sendAsync(request(port), HttpResponse.BodyHandlers.ofString()));
                    }
                    for (CompletableFuture<HttpResponse<String>> scrape : scrapes) {
                        HttpResponse<String> response = scrape.get();
                        List<String> up = series(response.body(), "wgtrack_peer_up");
                        Set<String> distinct = new HashSet<>(up);
                        if (response.statusCode() == 200 && response.body().contains("\nwgtrack_live_state_read_success ")
                                && distinct.size() == up.size()) {
                            answered++;
                        } else {
                            failures.add(response.statusCode() + ": " + response.body().lines().limit(3).toList());
                        }
                    }
                    Thread.sleep(40);
                }
            } finally {
                churning.set(false);
                churn.join();
            }
            assertThat(failures).isEmpty();
            assertThat(answered).isEqualTo(10 * batches);
            assertThat(cycles() - cyclesBefore).as("cycles during the scrapes").isGreaterThan(10);
            assertThat(dumps.get()).isGreaterThan(10);
            assertThat(daemon.isAlive()).isTrue();
            assertThat(daemon.log()).doesNotContain("OutOfMemoryError", "Exception in thread");
        }
    }

    /**
     * A random subset of the peers, some lines twice, with mangled lines mixed in: cut short,
     * a field replaced by junk, control characters and bytes that are not UTF-8.
     */
    static byte[] churned(Random random, String header, List<String> keys) throws IOException {
        long now = System.currentTimeMillis() / 1000;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.UTF_8));
        String[] junk = {"\r", "\u0000", "\"", "\\", "\u001b[2K", "\u2028", "ä", "{}", ",", "="};
        for (int i = 0; i < keys.size(); i++) {
            if (random.nextInt(3) == 0) {
                continue; // this peer is gone for this cycle
            }
            String line = "wg0\t" + keys.get(i) + "\t(none)\t192.0.2." + (1 + random.nextInt(250)) + ":51820\t10.0." + (i / 250) + "."
                    + (i % 250) + "/32\t" + (now - random.nextInt(300)) + "\t" + random.nextInt(100000) + "\t" + random.nextInt(100000) + "\toff";
            int mangle = random.nextInt(12);
            if (mangle == 0) {
                line = line.substring(0, random.nextInt(line.length()));
            } else if (mangle == 1) {
                String[] fields = line.split("\t", -1);
                fields[random.nextInt(fields.length)] = junk[random.nextInt(junk.length)];
                line = String.join("\t", fields);
            } else if (mangle == 2) {
                int at = random.nextInt(line.length());
                line = line.substring(0, at) + junk[random.nextInt(junk.length)] + line.substring(at);
            }
            out.write(line.getBytes(StandardCharsets.UTF_8));
            if (mangle == 3) {
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            }
            out.write('\n');
            if (mangle == 4) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8)); // the same peer twice
            }
        }
        return out.toByteArray();
    }
}
