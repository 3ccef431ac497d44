package org.wgtrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon's HTTP listener on 127.0.0.1 under clients that misbehave: connections that
 * trickle their headers do not starve scrapes and are closed after the request time limit, and
 * clients that hang up in the middle of a response leave no stack trace in the log.
 */
class HttpListenerLimitsIT {

    @TempDir
    Path dir;

    /** A raw HTTP/1.0 GET: the status code, or -1 when the connection failed. Reads the whole body. */
    static int get(int port, String path, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] all = socket.getInputStream().readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 12), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private DaemonProcess start(int peers, int port, String... extra) throws Exception {
        Files.writeString(dir.resolve("dump"), LargeHubIT.dump(new Random(peers), peers, System.currentTimeMillis() / 1000));
        Path config = LargeHubIT.config(dir, LargeHubIT.fakeWg(dir), 1, port);
        List<String> args = new ArrayList<>(List.of("-c", config.toString()));
        args.addAll(List.of(extra));
        DaemonProcess daemon = DaemonProcess.start(dir, Map.of(), args.toArray(String[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (get(port, "/-/healthy", Duration.ofSeconds(2)) != 200) {
            if (System.nanoTime() > deadline || !daemon.isAlive()) {
                daemon.close();
                throw new AssertionError("the listener did not come up; log:\n" + daemon.log());
            }
            Thread.sleep(100);
        }
        return daemon;
    }

    @Test
    void scrapesAnswerWithinASecondWhileFiftyClientsTrickleHeaders() throws Exception {
        int port = LargeHubIT.freePort();
        try (DaemonProcess daemon = start(3, port)) {
            List<Socket> slow = new ArrayList<>();
            AtomicBoolean dripping = new AtomicBoolean(true);
            Thread drip = new Thread(() -> {
                byte[] header = "GET /metrics HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < header.length && dripping.get(); i++) {
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(header[i]);
                        } catch (IOException e) {
                            // closed by the server: what the time limit is for
                        }
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ExecutorService scrapers = Executors.newFixedThreadPool(200);
            try {
                for (int i = 0; i < 50; i++) {
                    Socket socket = new Socket("127.0.0.1", port);
                    socket.setSoTimeout(100);
                    slow.add(socket);
                }
                drip.start();
                Thread.sleep(1500); // every slow connection has sent bytes and holds a server thread

                CountDownLatch go = new CountDownLatch(1);
                List<Future<long[]>> scrapes = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    scrapes.add(scrapers.submit(() -> {
                        go.await();
                        long start = System.nanoTime();
                        int status = get(port, "/metrics", Duration.ofSeconds(5));
                        return new long[] {status, (System.nanoTime() - start) / 1_000_000};
                    }));
                }
                go.countDown();
                long slowest = 0;
                List<Long> failed = new ArrayList<>();
                for (Future<long[]> scrape : scrapes) {
                    long[] result = scrape.get();
                    if (result[0] != 200) {
                        failed.add(result[0]);
                    }
                    slowest = Math.max(slowest, result[1]);
                }
                System.out.println("HttpListenerLimitsIT: 200 scrapes beside 50 trickling clients, slowest " + slowest + " ms");
                assertThat(failed).as("statuses other than 200").isEmpty();
                assertThat(slowest).as("slowest scrape, ms").isLessThan(1000);

                // The request time limit (10 s) closes the tricklers; count them closed from our side.
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int closed = 0;
                while (closed < slow.size() && System.nanoTime() < deadline) {
                    closed = 0;
                    for (Socket socket : slow) {
                        if (closedByServer(socket)) {
                            closed++;
                        }
                    }
                    Thread.sleep(200);
                }
                assertThat(closed).as("trickling connections closed by the server").isEqualTo(50);
                assertThat(get(port, "/metrics", Duration.ofSeconds(2))).isEqualTo(200);
            } finally {
                dripping.set(false);
                drip.interrupt();
                drip.join();
                scrapers.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
            assertThat(daemon.log()).doesNotContain("Exception in thread", "\tat ");
        }
    }

    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Test
    void clientsHangingUpMidResponseLeaveNoStackTrace() throws Exception {
        int port = LargeHubIT.freePort();
        // 3,000 peers: /metrics is about 6 MB, far more than the socket buffers hold.
        try (DaemonProcess daemon = start(3000, port, "-l", "debug")) {
            for (int i = 0; i < 100; i++) {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    OutputStream out = socket.getOutputStream();
                    String gzip = i % 2 == 0 ? "Accept-Encoding: gzip\r\n" : "";
                    out.write(("GET " + (i % 3 == 0 ? "/status" : "/metrics") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + gzip + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().readNBytes(4096);
                    if (i % 2 == 1) {
                        socket.setSoLinger(true, 0); // a reset instead of a clean close
                    }
                }
            }
            Thread.sleep(2000);
            assertThat(get(port, "/metrics", Duration.ofSeconds(10))).isEqualTo(200);
            String log = daemon.log();
            List<String> lines = log.lines().toList();
            assertThat(lines).as("every line in wgtrack's format").allMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+ (DEBUG|INFO|WARNING|ERROR) .*"));
            assertThat(log).doesNotContain("\tat ", "Exception in thread", "Caused by");
            assertThat(lines.stream().filter(l -> l.contains("went away"))).as("client-gone lines (one a minute)").hasSize(1);
            assertThat(lines.stream().filter(l -> l.contains(" WARNING ") || l.contains(" ERROR "))).isEmpty();
        }
    }
}
