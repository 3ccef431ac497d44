package org.wgtrack.output;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.wgtrack.log.Log;
import org.wgtrack.log.RateLimiter;
import org.wgtrack.wg.IpLiteral;

/**
 * Serves {@code /metrics} (Prometheus text or OpenMetrics, by content negotiation, gzip when the
 * scraper accepts it), {@code /status} (the {@link StatusDocument} as JSON) and {@code /-/healthy}
 * over HTTP, with the JDK's HTTP server.
 *
 * <p>Each scrape streams one snapshot through {@link MetricsExposition}: a cycle that replaces the
 * snapshot during a scrape does not change what that scrape writes, and nothing in the data can
 * make a scrape fail.
 *
 * <p>{@link #write} hands over the snapshot and, if the server is not running yet, binds it: a
 * taken port fails that write with an IOException and is tried again on the next one, so neither
 * constructing nor validating an output ever binds a port. {@link #close} stops the server and
 * frees the port at once (the JDK binds with SO_REUSEADDR, so a new server can take the same port
 * right away; {@link OutputSet#reconfigure} keeps an unchanged output running and only closes an
 * output before its replacement binds).
 */
public final class PrometheusOutput implements Output {

    /** Scrapes served at once; more wait. Each streams from the shared snapshot with a small buffer. */
    private static final int SCRAPE_THREADS = 2;
    private static final Duration SKIPPED_WARNING_INTERVAL = Duration.ofMinutes(10);

    static {
        // A client that stops reading must not hold a scrape thread forever (the JDK's default
        // is no limit); the values the Prometheus client library sets.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "60");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "600");
        }
    }

    private final PrometheusSpec spec;
    private final BuildInfo build;
    private final RateLimiter skippedWarnings = new RateLimiter(SKIPPED_WARNING_INTERVAL, System::nanoTime);
    private volatile Snapshot latest;
    private volatile MetricsExposition exposition;
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    public PrometheusOutput(PrometheusSpec spec) {
        this(spec, BuildInfo.running());
    }

    /** With a fixed build, for golden tests. */
    PrometheusOutput(PrometheusSpec spec, BuildInfo build) {
        this.spec = spec;
        this.build = build;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        latest = snapshot;
        // The exposition of an older snapshot would keep that snapshot's peers alive next to the
        // new ones: a third copy of every peer on a large hub.
        exposition = null;
        start();
    }

    private synchronized void start() throws IOException {
        if (server != null || closed) {
            return;
        }
        InetAddress address = IpLiteral.parse(spec.listen())
                .orElseThrow(() -> new IOException("cannot listen on " + spec.listen() + ": not an IP address"));
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(address, spec.port()), 50);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + where() + ": " + e.getMessage(), e);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SCRAPE_THREADS, SCRAPE_THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "prometheus-http");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        created.setExecutor(pool);
        created.createContext("/", this::handle);
        created.start();
        server = created;
        executor = pool;
    }

    private String where() {
        return (spec.listen().indexOf(':') >= 0 ? "[" + spec.listen() + "]" : spec.listen()) + ":" + spec.port();
    }

    /** The port the server listens on (useful with port 0), empty while it is not running. */
    public synchronized OptionalInt boundPort() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getAddress().getPort());
    }

    /** {@code /metrics}, {@code /-/healthy}, {@code /status}, a short index at {@code /}, else 404. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Snapshot snapshot = latest;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            } else if (path.equals("/metrics")) {
                metrics(exchange, snapshot);
            } else if (path.equals("/-/healthy")) {
                respond(exchange, 200, "text/plain; charset=utf-8", "Exporter is healthy.\n");
            } else if (path.equals("/status") && snapshot != null) {
                status(exchange, snapshot);
            } else if (path.equals("/status")) {
                respond(exchange, 503, "text/plain; charset=utf-8", "no cycle has finished yet\n");
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/plain; charset=utf-8", "wgtrack: /metrics (Prometheus), /status (JSON)\n");
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
        }
    }

    /**
     * Before the first snapshot only an empty body, as before the first cycle there is nothing to
     * say. The exposition of a snapshot is prepared by the first scrape that sees it and shared;
     * two scrapes racing for a new snapshot may both prepare it, which is harmless.
     */
    private void metrics(HttpExchange exchange, Snapshot snapshot) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        exchange.getResponseHeaders().set("Content-Type",
                openMetrics ? MetricsExposition.OPEN_METRICS_CONTENT_TYPE : MetricsExposition.TEXT_CONTENT_TYPE);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        MetricsExposition prepared = null;
        if (snapshot != null) {
            prepared = exposition;
            if (prepared == null || prepared.snapshot() != snapshot) {
                prepared = MetricsExposition.of(snapshot, build, spec.compatibleWith());
                exposition = prepared;
                warnAboutSkipped(prepared);
            }
        }
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = encoding != null && encoding.contains("gzip");
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0); // chunked: the length is not known before the end
        OutputStream body = gzip ? new GZIPOutputStream(exchange.getResponseBody(), 8192) : exchange.getResponseBody();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 16384)) {
            if (prepared != null) {
                prepared.write(out, openMetrics);
            } else if (openMetrics) {
                out.write("# EOF\n");
            }
        }
    }

    /** The document streamed, as the metrics are: it is about 500 bytes per peer. */
    private static void status(HttpExchange exchange, Snapshot snapshot) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), 16384)) {
            StatusDocument.write(snapshot, body);
        }
    }

    private void warnAboutSkipped(MetricsExposition prepared) {
        if (!prepared.skipped().isEmpty() && skippedWarnings.allow("skipped")) {
            PeerSnapshot first = prepared.skipped().get(0);
            Log.warning("output " + spec.name() + ": " + prepared.skipped().size()
                    + " peer(s) left out of /metrics because another peer has the same labels, e.g. "
                    + first.interfaceName() + " peer " + first.publicKey().base64() + " (expected one peer per interface and public key)");
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }
}
