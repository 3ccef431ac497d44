package org.wgtrack.output;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type = prometheus}: an HTTP server for {@code /metrics} (and {@code /status}).
 * Port 9587: 9586 is the established WireGuard exporters' port; port 0 (any free port) is for tests.
 *
 * @param compatibleWith other exporters whose metric families are written too; with the Go
 *        exporter's, three of wgtrack's own families take its form ({@link WireguardExporterFamilies})
 * @param webConfigFile the exporter-toolkit web configuration (TLS, basic auth, headers); empty:
 *        plain HTTP for anyone who can reach the port. Its content is not part of the spec: a
 *        running output re-reads the file on reload and when it changes.
 */
public record PrometheusSpec(String name, String listen, int port, Set<CompatibilitySet> compatibleWith,
                             Optional<Path> webConfigFile) implements OutputSpec {

    public static final String DEFAULT_LISTEN = "127.0.0.1";
    public static final int DEFAULT_PORT = 9587;

    public PrometheusSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(webConfigFile, "webConfigFile");
        compatibleWith = Set.copyOf(compatibleWith);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range (expected 0..65535, got " + port + ")");
        }
    }

    /** wgtrack's own metrics only, over plain HTTP. */
    public PrometheusSpec(String name, String listen, int port) {
        this(name, listen, port, Set.of(), Optional.empty());
    }

    /** wgtrack's own metrics only, with a web configuration. */
    public PrometheusSpec(String name, String listen, int port, Optional<Path> webConfigFile) {
        this(name, listen, port, Set.of(), webConfigFile);
    }

    /** Over plain HTTP, with other exporters' families. */
    public PrometheusSpec(String name, String listen, int port, Set<CompatibilitySet> compatibleWith) {
        this(name, listen, port, compatibleWith, Optional.empty());
    }

    @Override
    public Output open() {
        return new PrometheusOutput(this);
    }
}
