package org.wgtrack.output;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.wgtrack.wg.IpLiteral;

/**
 * Serves {@code /metrics} (Prometheus text or OpenMetrics, by content negotiation), {@code /status}
 * (the {@link StatusDocument} as JSON) and {@code /-/healthy} over HTTP.
 *
 * <p>{@link #write} hands the snapshot to the collector and, if the server is not running yet,
 * binds it: a taken port fails that write with an IOException and is tried again on the next
 * one, so neither constructing nor validating an output ever binds a port. {@link #close} stops
 * the server and frees the port at once (the JDK binds with SO_REUSEADDR, so a new server can
 * take the same port right away; {@link OutputSet#reconfigure} keeps an unchanged output running
 * and only closes an output before its replacement binds).
 */
public final class PrometheusOutput implements Output {

    private final PrometheusSpec spec;
    private final SnapshotCollector collector = new SnapshotCollector();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private volatile Snapshot latest;
    private HTTPServer server;
    private boolean closed;

    public PrometheusOutput(PrometheusSpec spec) {
        this.spec = spec;
        registry.register(collector);
    }

    @Override
    public String name() {
        return spec.name();
    }

    public PrometheusSpec spec() {
        return spec;
    }

    @Override
    public void write(Snapshot snapshot) throws IOException {
        latest = snapshot;
        collector.update(snapshot);
        start();
    }

    private synchronized void start() throws IOException {
        if (server != null || closed) {
            return;
        }
        InetAddress address = IpLiteral.parse(spec.listen())
                .orElseThrow(() -> new IOException("cannot listen on " + spec.listen() + ": not an IP address"));
        try {
            server = HTTPServer.builder()
                    .inetAddress(address)
                    .port(spec.port())
                    .registry(registry)
                    .defaultHandler(this::handleOther)
                    .buildAndStart();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + where() + ": " + e.getMessage(), e);
        }
    }

    private String where() {
        return (spec.listen().indexOf(':') >= 0 ? "[" + spec.listen() + "]" : spec.listen()) + ":" + spec.port();
    }

    /** The port the server listens on (useful with port 0), empty while it is not running. */
    public synchronized OptionalInt boundPort() {
        return server == null ? OptionalInt.empty() : OptionalInt.of(server.getPort());
    }

    /** Everything but /metrics and /-/healthy: {@code /status}, a short index at {@code /}, else 404. */
    private void handleOther(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Snapshot snapshot = latest;
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            } else if (path.equals("/status") && snapshot != null) {
                respond(exchange, 200, "application/json; charset=utf-8", StatusDocument.format(snapshot));
            } else if (path.equals("/status")) {
                respond(exchange, 503, "text/plain; charset=utf-8", "no cycle has finished yet\n");
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/plain; charset=utf-8", "wgtrack: /metrics (Prometheus), /status (JSON)\n");
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            }
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
            server.close();
            server = null;
        }
    }
}
