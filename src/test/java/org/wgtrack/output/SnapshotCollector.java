package org.wgtrack.output;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.wgtrack.track.PeerState;
import org.wgtrack.wg.AllowedIp;
import org.wgtrack.wg.Endpoint;

/**
 * The reference for {@link MetricsExposition}: the same metrics built with the official Prometheus
 * client's model (what {@code PrometheusOutput} served before it streamed them), so that
 * {@code MetricsExpositionEquivalenceTest} can hold the two byte for byte together. It needs the
 * whole scrape in memory, about 16 objects per peer, which is why it is not used at run time.
 *
 * <p>Renders the latest snapshot as Prometheus metrics at scrape time. Because every scrape is
 * built from one snapshot, a peer that is gone simply is not there: no stale series and no
 * registration bookkeeping. Counters are named without {@code _total}; client_java appends it.
 * Before the first snapshot and when the live-state read failed there are no peer metrics.
 */
public final class SnapshotCollector implements MultiCollector {

    /** Results always exported (0 until they happen), so alert expressions find a series. */
    static final List<String> RESOLUTION_RESULTS = List.of("changed", "failed", "unchanged");

    private volatile Snapshot snapshot;

    public void update(Snapshot latest) {
        this.snapshot = latest;
    }

    @Override
    public MetricSnapshots collect() {
        Snapshot s = snapshot;
        if (s == null) {
            return new MetricSnapshots();
        }
        List<MetricSnapshot> metrics = new ArrayList<>(peerMetrics(s));
        metrics.addAll(daemonMetrics(s));
        return new MetricSnapshots(metrics);
    }

    private static List<MetricSnapshot> peerMetrics(Snapshot s) {
        CounterSnapshot.Builder rx = CounterSnapshot.builder().name("wireguard_peer_receive_bytes")
                .help("Bytes received from the peer (wg show transfer)");
        CounterSnapshot.Builder tx = CounterSnapshot.builder().name("wireguard_peer_transmit_bytes")
                .help("Bytes sent to the peer (wg show transfer)");
        GaugeSnapshot.Builder lastHandshake = GaugeSnapshot.builder().name("wireguard_peer_last_handshake_seconds")
                .help("Unix time of the latest handshake, 0 = never");
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name("wgtrack_peer_up")
                .help("1 when the peer's state is up:ok, else 0");
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("wgtrack_peer_state")
                .help("1 for the peer's current state, 0 for the others");
        GaugeSnapshot.Builder age = GaugeSnapshot.builder().name("wgtrack_peer_handshake_age_seconds")
                .help("Seconds since the latest handshake (absent when there never was one)");
        GaugeSnapshot.Builder rtt = GaugeSnapshot.builder().name("wgtrack_peer_ping_rtt_seconds")
                .help("Round-trip time of this cycle's ping (absent when no ping was answered)");
        CounterSnapshot.Builder updates = CounterSnapshot.builder().name("wgtrack_peer_endpoint_updates")
                .help("Endpoint changes wgtrack made for the peer since it started");
        InfoSnapshot.Builder info = InfoSnapshot.builder().name("wgtrack_peer")
                .help("Endpoints and allowed ips of the peer");
        for (PeerSnapshot p : s.peers()) {
            Labels labels = Labels.of("interface", p.interfaceName(), "public_key", p.publicKey().base64(),
                    "name", p.name().orElse(""));
            rx.dataPoint(counter(labels, p.rxBytes()));
            tx.dataPoint(counter(labels, p.txBytes()));
            lastHandshake.dataPoint(gauge(labels, p.latestHandshakeEpochSeconds()));
            up.dataPoint(gauge(labels, p.isUp() ? 1 : 0));
            for (PeerState candidate : PeerState.values()) {
                state.dataPoint(gauge(labels.add("state", candidate.label()), candidate == p.state() ? 1 : 0));
            }
            p.handshakeAgeSeconds().ifPresent(a -> age.dataPoint(gauge(labels, a)));
            p.pingRoundTrip().ifPresent(d -> rtt.dataPoint(gauge(labels, d.toNanos() / 1e9)));
            updates.dataPoint(counter(labels, p.endpointUpdates()));
            info.dataPoint(InfoDataPointSnapshot.builder().labels(labels.merge(Labels.of(
                    "endpoint", p.endpoint().map(Endpoint::toString).orElse(""),
                    "config_endpoint", p.configEndpoint().map(Endpoint::toString).orElse(""),
                    "allowed_ips", p.allowedIps().stream().map(AllowedIp::toString).collect(Collectors.joining(","))))).build());
        }
        return List.of(rx.build(), tx.build(), lastHandshake.build(), up.build(), state.build(), age.build(),
                rtt.build(), updates.build(), info.build());
    }

    private static List<MetricSnapshot> daemonMetrics(Snapshot s) {
        List<MetricSnapshot> metrics = new ArrayList<>();
        metrics.add(GaugeSnapshot.builder().name("wgtrack_live_state_read_success")
                .help("1 when this cycle's wg show all dump succeeded, else 0")
                .dataPoint(gauge(Labels.EMPTY, s.liveStateOk() ? 1 : 0)).build());
        s.cycleDuration().ifPresent(d -> metrics.add(GaugeSnapshot.builder().name("wgtrack_cycle_duration_seconds")
                .help("How long the previous complete cycle took")
                .dataPoint(gauge(Labels.EMPTY, d.toNanos() / 1e9)).build()));
        Map<String, Long> results = new TreeMap<>();
        RESOLUTION_RESULTS.forEach(r -> results.put(r, 0L));
        results.putAll(s.resolutions());
        CounterSnapshot.Builder resolutions = CounterSnapshot.builder().name("wgtrack_resolutions")
                .help("Endpoint re-resolutions since start by result");
        results.forEach((result, count) -> resolutions.dataPoint(counter(Labels.of("result", result), count)));
        metrics.add(resolutions.build());
        // Every state of every interface that has peers, zeros included, so sums and alerts see a series.
        Map<String, Map<PeerState, Long>> byInterface = new LinkedHashMap<>();
        for (String ifname : new TreeSet<>(s.peers().stream().map(PeerSnapshot::interfaceName).toList())) {
            Map<PeerState, Long> counts = new LinkedHashMap<>();
            for (PeerState st : PeerState.values()) {
                counts.put(st, 0L);
            }
            byInterface.put(ifname, counts);
        }
        s.peers().forEach(p -> byInterface.get(p.interfaceName()).merge(p.state(), 1L, Long::sum));
        GaugeSnapshot.Builder peers = GaugeSnapshot.builder().name("wgtrack_peers")
                .help("Tracked peers by interface and state");
        byInterface.forEach((ifname, counts) -> counts.forEach((st, n) ->
                peers.dataPoint(gauge(Labels.of("interface", ifname, "state", st.label()), n))));
        metrics.add(peers.build());
        return metrics;
    }

    private static CounterDataPointSnapshot counter(Labels labels, double value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
