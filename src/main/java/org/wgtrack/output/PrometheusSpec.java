package org.wgtrack.output;

import java.util.Objects;
import java.util.Set;

/**
 * {@code type = prometheus}: an HTTP server for {@code /metrics} (and {@code /status}).
 * Port 9587: 9586 is the established WireGuard exporters' port; port 0 (any free port) is for tests.
 *
 * @param compatibleWith other exporters whose metric families are written next to wgtrack's own
 */
public record PrometheusSpec(String name, String listen, int port, Set<CompatibilitySet> compatibleWith) implements OutputSpec {

    public static final String DEFAULT_LISTEN = "127.0.0.1";
    public static final int DEFAULT_PORT = 9587;

    public PrometheusSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        compatibleWith = Set.copyOf(compatibleWith);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range (expected 0..65535, got " + port + ")");
        }
    }

    /** wgtrack's own metrics only. */
    public PrometheusSpec(String name, String listen, int port) {
        this(name, listen, port, Set.of());
    }

    @Override
    public Output open() {
        return new PrometheusOutput(this);
    }
}
