package org.wgtrack.output;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
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
 *
 * <p>With {@code web_config_file} ({@link WebConfig}) it serves HTTPS, asks for basic auth and
 * adds the configured headers; {@link #reload} (SIGHUP) and every write that sees one of the
 * files changed re-read it, and a file that does not load leaves the listener as it was.
 */
public final class PrometheusOutput implements Output {

    /**
     * Connections the server keeps open at once (jdk.httpserver.maxConnections; the JDK closes any
     * beyond at once). Each one may hold a thread of its own: the JDK's server reads a request's
     * headers on an executor thread, so a client that trickles header bytes holds that thread
     * until the request time limit closes it. A thread per connection keeps those clients from
     * starving scrapes; a waiting thread costs a little stack and nothing else.
     */
    static final int MAX_CONNECTIONS = 400;
    /** Seconds a client may take to send its request line and headers (a scraper needs milliseconds). */
    static final int REQUEST_SECONDS = 10;
    /** Seconds a response may take (a large hub's /metrics to a slow scraper: 210 MB at 100,000 peers). */
    static final int RESPONSE_SECONDS = 600;
    /** Keep-alive connections kept open between requests, and for how long. */
    static final int MAX_IDLE_CONNECTIONS = 50;
    static final int IDLE_SECONDS = 30;
    private static final Duration SKIPPED_WARNING_INTERVAL = Duration.ofMinutes(10);
    private static final Duration CLIENT_GONE_INTERVAL = Duration.ofMinutes(1);

    static {
        // Read once by the JDK when the first server is created; its defaults are no time limits
        // and no connection limit. Names as Java 17's jdk.httpserver reads them (ServerConfig).
        // A value set on the command line (-D) wins.
        setDefault("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setDefault("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setDefault("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        setDefault("sun.net.httpserver.maxIdleConnections", MAX_IDLE_CONNECTIONS);
        setDefault("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        HttpServerLogging.install();
    }

    private static void setDefault(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private final PrometheusSpec spec;
    private final BuildInfo build;
    private final RateLimiter skippedWarnings = new RateLimiter(SKIPPED_WARNING_INTERVAL, System::nanoTime);
    private final RateLimiter clientGone = new RateLimiter(CLIENT_GONE_INTERVAL, System::nanoTime);
    private volatile Snapshot latest;
    private volatile MetricsExposition exposition;
    private final RateLimiter webConfigErrors = new RateLimiter(Duration.ofMinutes(10), System::nanoTime);
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;
    /** The web config in force (null: none configured, or not loaded yet), with what it needs at request time. */
    private volatile Web web;
    private ReloadableTls tls;

    /** One load of the web config: the config, its files' stamps (to notice a change), the auth check. */
    private record Web(WebConfigReader.Loaded loaded, List<String> stamps, BasicAuth auth) {
    }

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
        if (web != null && !web.stamps().equals(stamps(web.loaded().config().files()))) {
            reload();
        }
        start();
    }

    /**
     * Re-reads the web config (SIGHUP, or a file of it changed): a renewed certificate, new users
     * or headers take effect for new connections. A file that does not load is logged and the
     * listener keeps the configuration it has; turning TLS on or off restarts the listener.
     */
    @Override
    public synchronized void reload() {
        if (spec.webConfigFile().isEmpty() || closed) {
            return;
        }
        Web before = web;
        Web loaded;
        try {
            loaded = load(spec.webConfigFile().get(), before == null ? List.of() : before.loaded().config().files());
        } catch (WebConfigReader.WebConfigException e) {
            // The old stamps stay, so the file is tried again every cycle: a certificate renewal
            // caught between writing the certificate and the key loads on the next cycle.
            if (webConfigErrors.allow("reload")) {
                Log.error("output " + spec.name() + ": web config not reloaded, the listener keeps the previous one:\n"
                        + e.getMessage());
            }
            return;
        }
        webConfigErrors.reset("reload");
        boolean wasTls = before != null && before.loaded().tls().isPresent();
        boolean isTls = loaded.loaded().tls().isPresent();
        try {
            if (isTls && tls != null && wasTls) {
                tls.set(loaded.loaded().config().tls().get(), loaded.loaded().tls().get());
            }
        } catch (java.security.GeneralSecurityException e) {
            Log.error("output " + spec.name() + ": web config not reloaded, the listener keeps the previous one: "
                    + spec.webConfigFile().get() + ": " + e.getMessage());
            return;
        }
        web = loaded;
        loaded.loaded().warnings().forEach(w -> Log.warning("output " + spec.name() + ": " + w));
        Log.info("output " + spec.name() + ": web config " + spec.webConfigFile().get() + " reloaded"
                + (isTls ? " (TLS, certificate " + loaded.loaded().tls().get().chain().get(0).getSubjectX500Principal().getName()
                        + ", valid until " + loaded.loaded().tls().get().chain().get(0).getNotAfter().toInstant() + ")" : ""));
        if (wasTls != isTls && server != null) {
            stopServer(); // rebinds on this cycle's write with or without TLS
        }
    }

    /**
     * Reads the web config. The files known from the last load are stamped before reading, so a
     * change while reading is seen on the next cycle; files it names for the first time after.
     */
    private static Web load(Path file, List<Path> known) throws WebConfigReader.WebConfigException {
        List<Path> before = new ArrayList<>(known);
        if (!before.contains(file)) {
            before.add(file);
        }
        List<String> stampsBefore = stamps(before);
        WebConfigReader.Loaded loaded = WebConfigReader.read(file);
        List<String> stamps = new ArrayList<>();
        for (Path path : loaded.config().files()) {
            int at = before.indexOf(path);
            stamps.add(at >= 0 ? stampsBefore.get(at) : stamps(List.of(path)).get(0));
        }
        return new Web(loaded, stamps, new BasicAuth(loaded.config().users()));
    }

    /** Modification time, size and inode of each file: a certificate replaced by rename or in place. */
    private static List<String> stamps(List<Path> files) {
        List<String> stamps = new ArrayList<>();
        for (Path file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamps.add(attributes.lastModifiedTime() + " " + attributes.size() + " " + attributes.fileKey());
            } catch (IOException e) {
                stamps.add("missing");
            }
        }
        return stamps;
    }

    private synchronized void start() throws IOException {
        if (server != null || closed) {
            return;
        }
        if (spec.webConfigFile().isPresent() && web == null) {
            try {
                web = load(spec.webConfigFile().get(), List.of());
                web.loaded().warnings().forEach(w -> Log.warning("output " + spec.name() + ": " + w));
            } catch (WebConfigReader.WebConfigException e) {
                throw new IOException("cannot listen on " + where() + ": " + e.getMessage(), e);
            }
        }
        InetAddress address = IpLiteral.parse(spec.listen())
                .orElseThrow(() -> new IOException("cannot listen on " + spec.listen() + ": not an IP address"));
        HttpServer created;
        try {
            // A backlog as long as the connection limit: a burst of scrapes (200 at once) must not overflow
            // it, or the kernel drops SYNs and those clients wait a second for their retransmit.
            Web current = web;
            if (current != null && current.loaded().tls().isPresent()) {
                if (tls == null) {
                    tls = new ReloadableTls(current.loaded().config().tls().get(), current.loaded().tls().get());
                } else {
                    tls.set(current.loaded().config().tls().get(), current.loaded().tls().get());
                }
                HttpsServer https = HttpsServer.create(new InetSocketAddress(address, spec.port()), MAX_CONNECTIONS);
                https.setHttpsConfigurator(tls.configurator());
                created = https;
            } else {
                created = HttpServer.create(new InetSocketAddress(address, spec.port()), MAX_CONNECTIONS);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot listen on " + where() + ": TLS: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + where() + ": " + e.getMessage(), e);
        }
        // No queue: every connection the JDK accepts (at most MAX_CONNECTIONS) gets a thread at
        // once; should it ever offer more, the JDK closes the connection it could not hand over.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
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

    /**
     * A client that goes away before the response is written (a scraper's timeout, a port scan)
     * costs one debug line a minute, and never a stack trace.
     */
    private void handle(HttpExchange exchange) {
        try {
            Web current = web;
            if (current != null) {
                current.loaded().config().headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                if (!current.loaded().config().users().isEmpty()
                        && !current.auth().allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Basic");
                    respond(exchange, 401, "text/plain; charset=utf-8", "Unauthorized\n");
                    exchange.close();
                    return;
                }
            }
            route(exchange);
            exchange.close();
        } catch (IOException e) {
            if (clientGone.allow("gone")) {
                Log.debug("output " + spec.name() + ": a client of " + exchange.getRequestURI().getPath()
                        + " went away before the response was written (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "; such lines at most once a minute)");
            }
            exchange.close();
        }
    }

    /** The last events of the daemon, oldest first, as a JSON array of the objects hooks receive. */
    private static String events(Snapshot snapshot) {
        StringBuilder json = new StringBuilder("[");
        if (snapshot != null) {
            for (org.wgtrack.events.Event event : snapshot.recentEvents()) {
                json.append(json.length() == 1 ? "\n" : ",\n").append(org.wgtrack.events.EventJson.of(event));
            }
        }
        return json.append(json.length() == 1 ? "]\n" : "\n]\n").toString();
    }

    /** {@code /metrics}, {@code /-/healthy}, {@code /status}, {@code /events}, a short index at {@code /}, else 404. */
    private void route(HttpExchange exchange) throws IOException {
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
        } else if (path.equals("/events")) {
            respond(exchange, 200, "application/json", events(snapshot));
        } else if (path.equals("/")) {
            respond(exchange, 200, "text/plain; charset=utf-8", "wgtrack: /metrics (Prometheus), /status (JSON), /events (JSON)\n");
        } else {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
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
        try (body) {
            if (prepared != null) {
                prepared.write(body, openMetrics); // buffered inside, as UTF-8
            } else if (openMetrics) {
                body.write("# EOF\n".getBytes(StandardCharsets.US_ASCII));
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
        stopServer();
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }
}
