package org.wgtrack.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;

/**
 * MetricsExposition as it was before its fast paths, kept as the reference that
 * {@code MetricsExpositionEquivalenceTest} compares the new output with.
 *
 * <p>One snapshot as Prometheus text (0.0.4) or OpenMetrics 1.0, written straight to the response
 * as the scrape reads it. Building the Prometheus client's model first took about 16 objects per
 * peer and the whole text in memory (60 MB at 30,000 peers) before the first byte went out; this
 * keeps one sort order per snapshot and writes through a small buffer, so a scrape costs memory
 * that does not grow with the peers. The bytes are those the official client writes for the same
 * metrics (families sorted by name, series by their labels, values by {@link Double#toString}):
 * the golden files of {@code PrometheusOutputTest} were written by that client, and
 * {@code wgtrack_build_info}, added since, is written as that client writes {@code wgtrack_peer_info}.
 * The families of {@code compatible_with} are written as their exporters write them
 * ({@link WireguardExporterFamilies} in the Go client's number format).
 *
 * <p>Nothing in the data can fail a scrape: label values are escaped, and a peer whose labels
 * equal another's (two series with one identity would make Prometheus reject the whole scrape)
 * is left out and named in {@link #skipped()}.
 *
 * <p>Public for {@code OutputBench}.
 */
final class LegacyMetricsExposition {

    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** Results always exported (0 until they happen), so alert expressions find a series. */
    static final List<String> RESOLUTION_RESULTS = List.of("changed", "failed", "unchanged");

    /** The states in label order, the order the client sorts the {@code state} label in. */
    private static final PeerState[] STATES_BY_LABEL = Arrays.stream(PeerState.values())
            .sorted(Comparator.comparing(PeerState::label)).toArray(PeerState[]::new);

    private static final Comparator<PeerSnapshot> BY_PEER_LABELS = Comparator
            .comparing(PeerSnapshot::interfaceName)
            .thenComparing((PeerSnapshot p) -> p.name().orElse(""))
            .thenComparing(p -> p.publicKey().base64());

    private final Snapshot snapshot;
    private final BuildInfo build;
    private final Set<CompatibilitySet> compatibleWith;
    /** Exported peers in the order of their (interface, name, public_key) labels. */
    private final PeerSnapshot[] byLabels;
    /** The same peers in the order of the info metric's labels, which sort allowed_ips first. */
    private final PeerSnapshot[] byInfoLabels;
    private final List<PeerSnapshot> skipped;
    /** The Go exporter's families, when compatible_with names them. */
    private final Optional<WireguardExporterFamilies> wireguardExporter;

    private LegacyMetricsExposition(Snapshot snapshot, BuildInfo build, Set<CompatibilitySet> compatibleWith,
            PeerSnapshot[] byLabels, PeerSnapshot[] byInfoLabels, List<PeerSnapshot> skipped) {
        this.snapshot = snapshot;
        this.build = build;
        this.compatibleWith = Set.copyOf(compatibleWith);
        this.byLabels = byLabels;
        this.byInfoLabels = byInfoLabels;
        this.skipped = skipped;
        this.wireguardExporter = compatibleWith.contains(CompatibilitySet.WIREGUARD_EXPORTER) && snapshot.liveStateOk()
                ? Optional.of(WireguardExporterFamilies.of(snapshot.interfaces(), byLabels)) : Optional.empty();
    }

    /** Sorts once per snapshot; every scrape of the snapshot reuses the result. */
    static LegacyMetricsExposition of(Snapshot snapshot, BuildInfo build) {
        return of(snapshot, build, Set.of());
    }

    /** With the families of other exporters that {@code compatible_with} names. */
    static LegacyMetricsExposition of(Snapshot snapshot, BuildInfo build, Set<CompatibilitySet> compatibleWith) {
        PeerSnapshot[] sorted = snapshot.peers().toArray(PeerSnapshot[]::new);
        Arrays.sort(sorted, BY_PEER_LABELS);
        List<PeerSnapshot> skipped = new ArrayList<>();
        int kept = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (kept > 0 && BY_PEER_LABELS.compare(sorted[kept - 1], sorted[i]) == 0) {
                skipped.add(sorted[i]);
            } else {
                sorted[kept++] = sorted[i];
            }
        }
        PeerSnapshot[] byLabels = Arrays.copyOf(sorted, kept);
        return new LegacyMetricsExposition(snapshot, build, compatibleWith, byLabels, byInfoLabels(byLabels), List.copyOf(skipped));
    }

    // The info labels in the client's order (allowed_ips, config_endpoint, endpoint, then the
    // peer's), computed once per peer for the sort instead of at every comparison.
    private static PeerSnapshot[] byInfoLabels(PeerSnapshot[] peers) {
        record Keyed(String allowedIps, String configEndpoint, String endpoint, int position) {
        }
        Keyed[] keyed = new Keyed[peers.length];
        for (int i = 0; i < peers.length; i++) {
            keyed[i] = new Keyed(allowedIps(peers[i]), endpoint(peers[i].configEndpoint()), endpoint(peers[i].endpoint()), i);
        }
        // Ties after the three info labels fall back to the position, which is the peer-label order.
        Arrays.sort(keyed, Comparator.comparing(Keyed::allowedIps).thenComparing(Keyed::configEndpoint)
                .thenComparing(Keyed::endpoint).thenComparingInt(Keyed::position));
        PeerSnapshot[] result = new PeerSnapshot[peers.length];
        for (int i = 0; i < keyed.length; i++) {
            result[i] = peers[keyed[i].position()];
        }
        return result;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Peers left out because another peer has the same labels. */
    List<PeerSnapshot> skipped() {
        return skipped;
    }

    public void write(Writer out, boolean openMetrics) throws IOException {
        Snapshot s = snapshot;
        if (openMetrics) {
            out.write("# TYPE wgtrack_build info\n# HELP wgtrack_build The wgtrack build serving these metrics\n");
        } else {
            out.write("# HELP wgtrack_build_info The wgtrack build serving these metrics\n# TYPE wgtrack_build_info gauge\n");
        }
        out.write("wgtrack_build_info{java_version=\"");
        escaped(out, build.javaVersion());
        out.write("\",revision=\"");
        escaped(out, build.revision());
        out.write("\",version=\"");
        escaped(out, build.version());
        out.write("\"} 1\n");
        if (s.cycleDuration().isPresent()) {
            header(out, openMetrics, "wgtrack_cycle_duration_seconds", "gauge", "How long the previous complete cycle took");
            out.write("wgtrack_cycle_duration_seconds ");
            value(out, s.cycleDuration().get().toNanos() / 1e9);
        }
        header(out, openMetrics, "wgtrack_live_state_read_success", "gauge", "1 when this cycle's wg show all dump succeeded, else 0");
        out.write("wgtrack_live_state_read_success ");
        value(out, s.liveStateOk() ? 1 : 0);
        if (byLabels.length > 0) {
            writePeerMetrics(out, openMetrics);
        }
        writePeerCounts(out, openMetrics);
        counterHeader(out, openMetrics, "wgtrack_resolutions", "Endpoint re-resolutions since start by result");
        Map<String, Long> results = new TreeMap<>();
        RESOLUTION_RESULTS.forEach(r -> results.put(r, 0L));
        results.putAll(s.resolutions());
        for (Map.Entry<String, Long> result : results.entrySet()) {
            out.write("wgtrack_resolutions_total{result=\"");
            escaped(out, result.getKey());
            out.write("\"} ");
            value(out, result.getValue());
        }
        if (!s.hookEvents().isEmpty()) {
            counterHeader(out, openMetrics, "wgtrack_hook_events", "Events handed to each hook since start or reload, by result");
            for (Map.Entry<String, Map<String, Long>> hook : new TreeMap<>(s.hookEvents()).entrySet()) {
                for (Map.Entry<String, Long> result : new TreeMap<>(hook.getValue()).entrySet()) {
                    out.write("wgtrack_hook_events_total{hook=\"");
                    escaped(out, hook.getKey());
                    out.write("\",result=\"");
                    escaped(out, result.getKey());
                    out.write("\"} ");
                    value(out, result.getValue());
                }
            }
        }
        if (wireguardExporter.isPresent()) {
            wireguardExporter.get().write(new MetricsText(out), openMetrics); // in place of wgtrack's three wireguard_peer_* families
        } else if (byLabels.length > 0) {
            gauge(out, openMetrics, "wireguard_peer_last_handshake_seconds", "Unix time of the latest handshake, 0 = never",
                    PeerSnapshot::latestHandshakeEpochSeconds);
            counter(out, openMetrics, "wireguard_peer_receive_bytes", "Bytes received from the peer (wg show transfer)", PeerSnapshot::rxBytes);
            counter(out, openMetrics, "wireguard_peer_transmit_bytes", "Bytes sent to the peer (wg show transfer)", PeerSnapshot::txBytes);
        }
        if (compatibleWith.contains(CompatibilitySet.PROMETHEUS_WIREGUARD_EXPORTER) && byLabels.length > 0) {
            writePrometheusWireguardExporter(out, openMetrics);
        }
        if (openMetrics) {
            out.write("# EOF\n");
        }
    }

    /**
     * The families of MindFlavor/prometheus_wireguard_exporter 3.6.6 with its default options
     * (src/wireguard.rs render_with_names names and fills them): labels interface, public_key,
     * allowed_ips as wg's dump column ("(none)" for none), and friendly_name only for a peer
     * that has a name; integer values; wireguard_latest_handshake_seconds is the unix time of
     * the handshake (0 = never).
     *
     * <pre>
     * wireguard_sent_bytes_total{interface="wg0",public_key="k8Yz…=",allowed_ips="10.10.0.2/32",friendly_name="laptop"} 2048
     * </pre>
     */
    private void writePrometheusWireguardExporter(Writer out, boolean openMetrics) throws IOException {
        counterHeader(out, openMetrics, "wireguard_sent_bytes", "Bytes sent to the peer");
        exporterSeries(out, "wireguard_sent_bytes_total", PeerSnapshot::txBytes);
        counterHeader(out, openMetrics, "wireguard_received_bytes", "Bytes received from the peer");
        exporterSeries(out, "wireguard_received_bytes_total", PeerSnapshot::rxBytes);
        header(out, openMetrics, "wireguard_latest_handshake_seconds", "gauge", "UNIX timestamp seconds of the last handshake");
        exporterSeries(out, "wireguard_latest_handshake_seconds", PeerSnapshot::latestHandshakeEpochSeconds);
    }

    private void exporterSeries(Writer out, String name, ToLongFunction<PeerSnapshot> value) throws IOException {
        for (PeerSnapshot p : byLabels) {
            out.write(name);
            out.write("{interface=\"");
            escaped(out, p.interfaceName());
            out.write("\",public_key=\"");
            out.write(p.publicKey().base64());
            out.write("\",allowed_ips=\"");
            escaped(out, p.allowedIps().isEmpty() ? "(none)" : allowedIps(p));
            out.write('"');
            if (p.name().isPresent() && !p.name().get().isEmpty()) {
                out.write(",friendly_name=\"");
                escaped(out, p.name().get());
                out.write('"');
            }
            out.write("} ");
            out.write(Long.toString(value.applyAsLong(p)));
            out.write('\n');
        }
    }

    private void writePeerMetrics(Writer out, boolean openMetrics) throws IOException {
        if (openMetrics) {
            out.write("# TYPE wgtrack_peer info\n# HELP wgtrack_peer Endpoints and allowed ips of the peer\n");
        } else {
            out.write("# HELP wgtrack_peer_info Endpoints and allowed ips of the peer\n# TYPE wgtrack_peer_info gauge\n");
        }
        for (PeerSnapshot p : byInfoLabels) {
            out.write("wgtrack_peer_info{allowed_ips=\"");
            escaped(out, allowedIps(p));
            out.write("\",config_endpoint=\"");
            escaped(out, endpoint(p.configEndpoint()));
            out.write("\",endpoint=\"");
            escaped(out, endpoint(p.endpoint()));
            out.write("\",");
            peerLabels(out, p);
            out.write("} 1\n");
        }
        counter(out, openMetrics, "wgtrack_peer_endpoint_updates", "Endpoint changes wgtrack made for the peer since it started",
                PeerSnapshot::endpointUpdates);
        optionalGauge(out, openMetrics, "wgtrack_peer_handshake_age_seconds",
                "Seconds since the latest handshake (absent when there never was one)",
                p -> p.handshakeAgeSeconds().isPresent() ? Optional.of((double) p.handshakeAgeSeconds().getAsLong()) : Optional.empty());
        optionalGauge(out, openMetrics, "wgtrack_peer_ping_rtt_seconds",
                "Round-trip time of this cycle's ping (absent when no ping was answered)",
                p -> p.pingRoundTrip().map(d -> d.toNanos() / 1e9));
        header(out, openMetrics, "wgtrack_peer_state", "gauge", "1 for the peer's current state, 0 for the others");
        for (PeerSnapshot p : byLabels) {
            for (PeerState state : STATES_BY_LABEL) {
                out.write("wgtrack_peer_state{");
                peerLabels(out, p);
                out.write(",state=\"");
                out.write(state.label());
                out.write("\"} ");
                value(out, state == p.state() ? 1 : 0);
            }
        }
        gauge(out, openMetrics, "wgtrack_peer_up", "1 when the peer's state is up:ok, else 0", p -> p.isUp() ? 1 : 0);
    }

    // Every state of every interface that has peers, zeros included, so sums and alerts see a series.
    private void writePeerCounts(Writer out, boolean openMetrics) throws IOException {
        Map<String, long[]> byInterface = new TreeMap<>();
        for (PeerSnapshot p : byLabels) {
            byInterface.computeIfAbsent(p.interfaceName(), i -> new long[STATES_BY_LABEL.length])[labelIndex(p.state())]++;
        }
        if (byInterface.isEmpty()) {
            return; // the client leaves out a family without series
        }
        header(out, openMetrics, "wgtrack_peers", "gauge", "Tracked peers by interface and state");
        for (Map.Entry<String, long[]> counts : byInterface.entrySet()) {
            for (int i = 0; i < STATES_BY_LABEL.length; i++) {
                out.write("wgtrack_peers{interface=\"");
                escaped(out, counts.getKey());
                out.write("\",state=\"");
                out.write(STATES_BY_LABEL[i].label());
                out.write("\"} ");
                value(out, counts.getValue()[i]);
            }
        }
    }

    private static int labelIndex(PeerState state) {
        for (int i = 0; i < STATES_BY_LABEL.length; i++) {
            if (STATES_BY_LABEL[i] == state) {
                return i;
            }
        }
        throw new AssertionError(state);
    }

    private void gauge(Writer out, boolean openMetrics, String name, String help, ToDoubleFunction<PeerSnapshot> value) throws IOException {
        header(out, openMetrics, name, "gauge", help);
        series(out, name, value);
    }

    private void counter(Writer out, boolean openMetrics, String name, String help, ToDoubleFunction<PeerSnapshot> value) throws IOException {
        counterHeader(out, openMetrics, name, help);
        series(out, name + "_total", value);
    }

    private void series(Writer out, String name, ToDoubleFunction<PeerSnapshot> value) throws IOException {
        for (PeerSnapshot p : byLabels) {
            out.write(name);
            out.write('{');
            peerLabels(out, p);
            out.write("} ");
            value(out, value.applyAsDouble(p));
        }
    }

    /** A gauge only some peers have; the family is left out when none has it, as the client does. */
    private void optionalGauge(Writer out, boolean openMetrics, String name, String help,
                               Function<PeerSnapshot, Optional<Double>> value) throws IOException {
        boolean headerWritten = false;
        for (PeerSnapshot p : byLabels) {
            Optional<Double> v = value.apply(p);
            if (v.isEmpty()) {
                continue;
            }
            if (!headerWritten) {
                header(out, openMetrics, name, "gauge", help);
                headerWritten = true;
            }
            out.write(name);
            out.write('{');
            peerLabels(out, p);
            out.write("} ");
            value(out, v.get());
        }
    }

    static void header(Writer out, boolean openMetrics, String name, String type, String help) throws IOException {
        if (openMetrics) {
            out.write("# TYPE " + name + " " + type + "\n# HELP " + name + " " + help + "\n");
        } else {
            out.write("# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n");
        }
    }

    /** OpenMetrics names the counter family without {@code _total}; the text format names it with. */
    static void counterHeader(Writer out, boolean openMetrics, String name, String help) throws IOException {
        header(out, openMetrics, openMetrics ? name : name + "_total", "counter", help);
    }

    private static void peerLabels(Writer out, PeerSnapshot p) throws IOException {
        out.write("interface=\"");
        escaped(out, p.interfaceName());
        out.write("\",name=\"");
        escaped(out, p.name().orElse(""));
        out.write("\",public_key=\"");
        out.write(p.publicKey().base64()); // base64: nothing to escape
        out.write('"');
    }

    private static String allowedIps(PeerSnapshot p) {
        return p.allowedIps().stream().map(AllowedIp::toString).collect(Collectors.joining(","));
    }

    private static String endpoint(Optional<Endpoint> endpoint) {
        return endpoint.map(Endpoint::toString).orElse("");
    }

    private static void value(Writer out, double value) throws IOException {
        if (value == Double.POSITIVE_INFINITY) {
            out.write("+Inf");
        } else if (value == Double.NEGATIVE_INFINITY) {
            out.write("-Inf");
        } else {
            out.write(Double.toString(value));
        }
        out.write('\n');
    }

    /** A label value with backslash, double quote and line feed escaped, as both formats require. */
    static void escaped(Writer out, String value) throws IOException {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '"' -> "\\\"";
                case '\n' -> "\\n";
                default -> null;
            };
            if (escape != null) {
                out.write(value, from, i - from);
                out.write(escape);
                from = i + 1;
            }
        }
        out.write(value, from, value.length() - from);
    }
}
